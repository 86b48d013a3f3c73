import type { ReactNode } from "react";

interface ScrollTableProps {
  // The box's class sets `overflow-x: auto`; each page draws its box and table its own way.
  boxClassName: string | undefined;
  className: string | undefined;
  testId?: string;
  children: ReactNode;
}

/** A wide table in a box of its own that scrolls sideways instead of widening the page. */
export function ScrollTable({ boxClassName, className, testId, children }: ScrollTableProps) {
  return (
    <div className={boxClassName}>
      <table className={className} data-testid={testId}>
        {children}
      </table>
    </div>
  );
}
