import type { MessageKey } from '../i18n';
import { useT } from '../i18n/use-t';

/** A table's head: one column header a message key, in order. */
export function ColumnHeads({ columns }: { columns: readonly MessageKey[] }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {columns.map((key) => (
          <th key={key} scope="col">
            {t(key)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
