import ui from "./ui.module.css";

interface FiguresHeadProps {
  label: string;
  figures: readonly string[];
}

/** The header of a dense `ui.table`: one label column, then right-aligned figure columns. */
export function FiguresHead({ label, figures }: FiguresHeadProps) {
  return (
    <thead>
      <tr>
        <th scope="col">{label}</th>
        {figures.map((figure) => (
          <th key={figure} scope="col" className={ui.num}>
            {figure}
          </th>
        ))}
      </tr>
    </thead>
  );
}
