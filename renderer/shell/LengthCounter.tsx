import { Text } from '@mantine/core';
import { NOTE_MAX_LENGTH, textLength } from '../../shared/logic/text-limits';

/** "1,234 / 4,000" under a text field, red once over the limit (the form then refuses to submit). */
export function LengthCounter({ value, max = NOTE_MAX_LENGTH }: { value: string; max?: number }) {
  const length = textLength(value);
  const over = length > max;
  return (
    <Text
      component="span"
      size="xs"
      c={over ? 'red' : 'dimmed'}
      fw={over ? 600 : undefined}
      data-testid="length-counter"
      data-over={over || undefined}
    >
      {length.toLocaleString('en-US')} / {max.toLocaleString('en-US')}
    </Text>
  );
}
