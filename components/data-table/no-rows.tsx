/** The body of a table whose filters select nothing: one row across all columns saying so. */
export function NoRows({ columns, message }: { columns: number; message: string }) {
  return (
    <tbody>
      <tr>
        <td colSpan={columns} className="muted">
          {message}
        </td>
      </tr>
    </tbody>
  );
}
