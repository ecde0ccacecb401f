import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';
import { UserMenu } from './UserMenu.js';
import './shell.css';

/** The header of signed-in screens: (menu button), the logo home link, a title, the language switch, the user menu. */
export function TopBar({ leading, title }: { leading?: ReactNode; title?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="ff-topbar">
      {leading}
      <Link to="/" className="ff-topbar__logo" aria-label={t('appName')}>
        <Logo />
        <span className="ff-topbar__brand">{t('appName')}</span>
      </Link>
      {title ? <div className="ff-topbar__title">{title}</div> : null}
      <div className="ff-topbar__spacer" />
      <LanguageSwitch compact />
      <UserMenu />
    </header>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="ff-logo">
      <rect width="32" height="32" rx="8" fill="#2f6bff" />
      <rect x="8" y="8" width="16" height="3.5" rx="1.75" fill="#fff" />
      <rect x="8" y="14.25" width="11" height="3.5" rx="1.75" fill="#fff" opacity="0.85" />
      <rect x="8" y="20.5" width="6.5" height="3.5" rx="1.75" fill="#fff" opacity="0.7" />
    </svg>
  );
}
