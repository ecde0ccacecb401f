import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import { useMe } from '../app/use-me.js';
import { Button, ErrorBanner, Loading } from '../ui/index.js';
import type { FormatLookups } from '../runtime/format-value.js';
import { currentLanguage } from '../i18n/current-language.js';
import { relativeTime } from './HistoryTab.js';

/** Comments (评论) on a record: plain text, oldest first; add one; delete your own. */
export function CommentsTab({ recordId, lookups }: { recordId: string; lookups: FormatLookups }) {
  const { t } = useTranslation('record');
  const queryClient = useQueryClient();
  const me = useMe();
  const comments = useQuery({
    queryKey: keys.comments(recordId),
    queryFn: () => endpoints.records.comments(recordId),
  });
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const language = currentLanguage();
  const isAdmin = me.data?.member.role === 'owner' || me.data?.member.role === 'admin';

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) return;
    setSending(true);
    setError(null);
    try {
      await endpoints.records.addComment(recordId, body);
      setText('');
      await queryClient.invalidateQueries({ queryKey: keys.comments(recordId) });
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  const remove = async (commentId: string) => {
    setError(null);
    try {
      await endpoints.records.deleteComment(commentId);
      await queryClient.invalidateQueries({ queryKey: keys.comments(recordId) });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="ff-record-comments">
      {comments.isPending ? <Loading /> : null}
      <ErrorBanner error={comments.error ?? error} />
      {comments.data && comments.data.comments.length === 0 ? <p className="ff-muted">{t('noComments')}</p> : null}
      <ul className="ff-record-comments__list" aria-label={t('commentsTab')}>
        {comments.data?.comments.map((comment) => (
          <li key={comment.id} className="ff-record-comment">
            <div className="ff-record-comment__avatar" aria-hidden="true">
              {(lookups.members?.get(comment.author) ?? '?').slice(0, 1).toUpperCase()}
            </div>
            <div className="ff-record-comment__main">
              <div className="ff-record-comment__head">
                <strong>{lookups.members?.get(comment.author) ?? comment.author}</strong>
                <time dateTime={comment.createdAt} title={new Date(comment.createdAt).toLocaleString(language)}>
                  {relativeTime(comment.createdAt, Date.now(), language)}
                </time>
                {comment.author === me.data?.member.id || isAdmin ? (
                  <Button
                    small
                    variant="ghost"
                    className="ff-record-comment__delete"
                    onClick={() => void remove(comment.id)}
                    aria-label={t('deleteComment')}
                  >
                    <X size={16} aria-hidden="true" />
                  </Button>
                ) : null}
              </div>
              <p className="ff-record-comment__body">{comment.body}</p>
            </div>
          </li>
        ))}
      </ul>
      <form className="ff-record-comments__add" onSubmit={(event) => void send(event)}>
        <label htmlFor={`comment-${recordId}`} className="ff-visually-hidden">
          {t('addComment')}
        </label>
        <textarea
          id={`comment-${recordId}`}
          className="ff-textarea"
          rows={3}
          maxLength={5000}
          placeholder={t('commentPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void send(event);
          }}
        />
        <Button type="submit" variant="primary" disabled={sending || !text.trim()}>
          {t('send')}
        </Button>
      </form>
    </div>
  );
}
