// Checks the rows a <TextTable> prints: every row an array with one cell per
// column, every cell text or a finite number. Pure; throws a plain Error
// naming the row and cell, which the component wraps in an AuthorError.

export function checkTextRows(rows: unknown, columns: readonly string[]): string[][] {
  if (!Array.isArray(columns) || columns.length === 0) throw new Error('columns must list at least one heading');
  if (!Array.isArray(rows)) throw new Error('select must return an array of rows');
  if (rows.length === 0) throw new Error('select returned no rows');
  return rows.map((row, r) => {
    if (!Array.isArray(row)) throw new Error(`row ${r} is not an array of cells`);
    if (row.length !== columns.length) throw new Error(`row ${r} has ${row.length} cells for ${columns.length} columns`);
    return row.map((cell, c) => {
      if (typeof cell === 'string') return cell;
      if (typeof cell === 'number' && Number.isFinite(cell)) return cell.toLocaleString('en-US');
      throw new Error(`row ${r}, column "${columns[c]}": ${JSON.stringify(cell)} is not text or a number`);
    });
  });
}
