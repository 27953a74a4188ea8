/** Shows what the server said, in its words; nothing when there is no error. */
export function ErrorNote({ error }: { error: { message: string } | null | undefined }) {
  if (!error) return null;
  return (
    <p className="alert error" role="alert">
      {error.message}
    </p>
  );
}
