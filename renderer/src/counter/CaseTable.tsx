import { Fragment, type ComponentChildren } from 'preact';
import type { CaseSummary } from '../../../contract/platform/cases';
import { useT } from '../i18n/use-t';
import { listKeys } from './list-keys';
import { ServiceName } from './QueuePanel';

export interface CaseColumn {
  head: ComponentChildren;
  cell: (summary: CaseSummary) => ComponentChildren;
}

/**
 * A list of cases as every desk shows one (the queue, the windows' claimed numbers, my cases, a
 * department's list): number and service first, then the list's own columns. Each row is a
 * focus stop; ArrowUp/ArrowDown/Home/End move between rows and Enter opens the case.
 */
export function CaseTable({
  cases,
  columns,
  onOpen,
  testId,
  rowLabel,
  below,
}: {
  cases: CaseSummary[];
  columns: CaseColumn[];
  onOpen: (caseId: string) => void;
  testId?: string;
  rowLabel?: (summary: CaseSummary) => string;
  /** A row under a case's own (e.g. its transfer form), spanning the table. */
  below?: (summary: CaseSummary) => ComponentChildren;
}) {
  const t = useT();
  return (
    <table class="queue-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('counter.col.number')}</th>
          <th scope="col">{t('counter.col.service')}</th>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody onKeyDown={listKeys((row) => onOpen(row.dataset.case!))}>
        {cases.map((c) => {
          const extra = below?.(c);
          return (
            <Fragment key={c.caseId}>
              <tr data-row data-case={c.caseId} data-queue-number={c.queueNumber} tabIndex={0} aria-label={rowLabel?.(c)}>
                <th scope="row" class="queue-number">
                  {c.queueNumber}
                </th>
                <td>
                  <ServiceName code={c.serviceCode} />
                </td>
                {columns.map((column, index) => (
                  <td key={index}>{column.cell(c)}</td>
                ))}
              </tr>
              {extra && (
                <tr>
                  <td colSpan={columns.length + 2}>{extra}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
