import { memo, useEffect, useId, useRef, useState } from 'react';

/** Quiet time after the last keystroke before a typed number filters, in ms (issue #4). */
export const NUMBER_DEBOUNCE_MS = 250;

/** A plain decimal as typed; a Danish decimal comma is accepted. */
const TYPED_DECIMAL = /^\d{1,12}([.,]\d{1,6})?$/;

/** The typed text as a number: null for empty, undefined for text that is no plain non-negative decimal. */
export function parseTypedNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return TYPED_DECIMAL.test(trimmed) ? Number(trimmed.replace(',', '.')) : undefined;
}

function textOf(value: number | null): string {
  return value === null ? '' : String(Number(value.toFixed(6)));
}

/**
 * A number filter (the label names the unit): what is typed is committed after NUMBER_DEBOUNCE_MS of quiet (or at once on blur and
 * Enter); text that is no number, or above `max`, is marked invalid and not committed. `value` is in the
 * unit shown; a new value from outside (a link, a cleared filter, a unit switch) replaces the text.
 */
export const NumberFilterInput = memo(function NumberFilterInput({
  label,
  value,
  max,
  testId,
  invalidMessage,
  onCommit,
}: {
  label: string;
  value: number | null;
  max: number;
  testId: string;
  invalidMessage: string;
  onCommit(value: number | null): void;
}) {
  const id = useId();
  const [text, setText] = useState(() => textOf(value));
  const [shownValue, setShownValue] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onCommitRef = useRef(onCommit);
  useEffect(() => {
    onCommitRef.current = onCommit;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  // Adjusting state to a new prop during render (React's documented pattern), not in an effect.
  if (value !== shownValue) {
    setShownValue(value);
    if (parseTypedNumber(text) !== value) setText(textOf(value));
  }

  const parsed = parseTypedNumber(text);
  const invalid = parsed === undefined || (parsed !== null && parsed > max);

  const commit = (next: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const number = parseTypedNumber(next);
    if (number === undefined || (number !== null && number > max)) return;
    onCommitRef.current(number);
  };

  return (
    <div className="finder-number">
      <label htmlFor={id} className="finder-number__label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className="finder-number__input"
        data-testid={testId}
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), NUMBER_DEBOUNCE_MS);
        }}
        onBlur={() => {
          if (timer.current !== undefined) commit(text);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text);
        }}
      />
      {invalid && (
        <span id={`${id}-error`} className="finder-number__error">
          {invalidMessage}
        </span>
      )}
    </div>
  );
});
