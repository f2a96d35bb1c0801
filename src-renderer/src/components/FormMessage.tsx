/** A form's error or confirmation, announced to screen readers as it appears. */
export function FormMessage({ error, success }: { error?: string; success?: string }) {
  if (error) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="success">
        {success}
      </p>
    );
  }
  return null;
}
