/** A labelled search box for filtering a table. */
interface FilterInputProps {
  /** Accessible name, e.g. "Filter nodes". */
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}

export function FilterInput({ label, value, onChange, placeholder }: FilterInputProps) {
  return (
    <input
      type="search"
      className="filter-input"
      aria-label={label}
      placeholder={placeholder ?? label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      spellCheck={false}
      autoComplete="off"
    />
  );
}
