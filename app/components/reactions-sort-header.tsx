import type { Sort, SortKey } from "../lib/state/reaction-rows";
import styles from "./reactions-table.module.css";

export interface SortHeaderProps {
  column: SortKey;
  label: string;
  sort: Sort;
  onSort: (key: SortKey) => void;
  numeric?: boolean;
}

/** A column header that sorts the table: a real button, so keyboard and readers work. */
export function ReactionsSortHeader({ column, label, sort, onSort, numeric = false }: SortHeaderProps) {
  const active = sort.key === column;
  const arrow = !active ? "↕" : sort.direction === "ascending" ? "▲" : "▼";
  return (
    <th scope="col" aria-sort={active ? sort.direction : "none"} className={numeric ? styles.numeric : undefined}>
      <button type="button" className={styles.sortButton} onClick={() => onSort(column)} data-testid={`sort-${column}`}>
        {label}
        <span className={active ? styles.sortArrowActive : styles.sortArrow} aria-hidden="true">
          {arrow}
        </span>
      </button>
    </th>
  );
}
