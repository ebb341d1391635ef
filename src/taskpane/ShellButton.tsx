import type { ReactNode } from 'react';
import { buttonClasses, buttonCss } from './firstPaint';

interface Props {
  appearance?: 'primary' | 'secondary';
  disabled?: boolean;
  onClick?(): void;
  children: ReactNode;
}

/**
 * A button of the first paint's toolbar: Fluent's Button (medium, rounded) with the class names and CSS
 * Fluent gives it, taken when the pane is built, so that the first paint shows Fluent's button without
 * carrying its code. The focus ring follows Fluent's keyboard focus like the original.
 */
export function ShellButton({ appearance = 'secondary', disabled = false, onClick, children }: Props) {
  const variant = disabled ? (`${appearance}Disabled` as const) : appearance;
  return (
    <>
      {/* Hoisted into the head once, however many buttons (React 19 stylesheets). */}
      <style href="nianbao-shell-button" precedence="default">
        {buttonCss}
      </style>
      <button type="button" className={buttonClasses[variant]} disabled={disabled} onClick={onClick}>
        {children}
      </button>
    </>
  );
}
