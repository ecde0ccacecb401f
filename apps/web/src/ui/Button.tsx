import type { ButtonHTMLAttributes } from 'react';

type Variant = 'default' | 'primary' | 'danger' | 'ghost';

export function Button({
  variant = 'default',
  small = false,
  className,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; small?: boolean }) {
  const classes = ['ff-btn'];
  if (variant !== 'default') classes.push(`ff-btn--${variant}`);
  if (small) classes.push('ff-btn--small');
  if (className) classes.push(className);
  return <button type={type} className={classes.join(' ')} {...rest} />;
}
