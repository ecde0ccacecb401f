import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { useMe } from '../app/use-me.js';
import { Avatar } from './Avatar.js';
import './shell.css';
import { useDismiss } from '../ui/use-dismiss.js';

/** The signed-in member (avatar button) with a small menu: name, email, role and "Sign out". */
export function UserMenu() {
  const { t } = useTranslation('shell');
  const me = useMe().data?.member;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useDismiss(open, root, () => setOpen(false));

  const signOut = async () => {
    setBusy(true);
    try {
      await endpoints.auth.logout();
    } catch {
      // Even if the server is unreachable, forget everything locally: the cookie expires on its own.
    }
    await navigate('/login', { replace: true });
    queryClient.clear();
  };

  if (!me) return null;
  return (
    <div className="ff-usermenu" ref={root}>
      <button
        type="button"
        className="ff-usermenu__button"
        aria-label={t('user.menu')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar name={me.name} />
        <span className="ff-usermenu__name">{me.name}</span>
      </button>
      {open ? (
        <div className="ff-usermenu__menu" role="menu" id={menuId} aria-label={t('user.menu')}>
          <div className="ff-usermenu__who">
            <strong>{me.name}</strong>
            {me.email ? <span className="ff-muted">{me.email}</span> : null}
            <span className="ff-tag">{t(`user.roles.${me.role}`)}</span>
          </div>
          <button
            type="button"
            role="menuitem"
            className="ff-usermenu__item"
            disabled={busy}
            onClick={() => void signOut()}
          >
            {t('user.signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
