import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { formatDate } from '../ui/format.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import type { MeetingSummary } from '../../shared/protocol/meetingSummary.ts';
import { requestJson } from '../sync/http.ts';
import { api, login, logout, token } from './adminApi.ts';
import { MeetingEditor } from './MeetingEditor.tsx';
import { PairingSheet } from './PairingSheet.tsx';
import { route } from './router.ts';
import '../ui/table.css';


export function AdminApp() {
  if (!token.value) return <Login />;
  const [, page, id] = /^#\/(new|meeting|cards)?\/?(.*)$/.exec(route.value) ?? [];
  let body;
  // Keyed, so switching from one meeting (or from "new") to another starts a fresh form.
  if (page === 'new') body = <MeetingEditor key="new" meetingId={null} />;
  else if (page === 'meeting' && id) body = <MeetingEditor key={id} meetingId={decodeURIComponent(id)} />;
  else if (page === 'cards' && id) body = <PairingSheet meetingId={decodeURIComponent(id)} />;
  else body = <MeetingList />;
  return (
    <div class="admin">
      <header class="admin-header no-print">
        <a href="#/" class="admin-home">
          {t('app.name')} · {t('admin.title')}
        </a>
        <div class="admin-tools">
          <LanguageSwitch />
          <button type="button" class="btn" onClick={logout}>
            {t('admin.logout')}
          </button>
        </div>
      </header>
      <main>{body}</main>
    </div>
  );
}

function Login() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // The token is tried before it is kept: a typo gets an answer, not an empty field.
  const submit = async (e: Event) => {
    e.preventDefault();
    const candidate = value.trim();
    if (!candidate) return setError(t('admin.tokenMissing'));
    setChecking(true);
    const r = await requestJson<unknown>('GET', '/api/admin/meetings', candidate);
    setChecking(false);
    if (r.ok) return login(candidate);
    setError(r.error.code === 'unauthorized' ? t('admin.tokenWrong') : t('admin.loginFailed', { message: r.error.message }));
  };
  return (
    <main class="admin admin-login">
      <h1>
        {t('app.name')} · {t('admin.title')}
      </h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label for="admin-token">{t('admin.token')}</label>
        <input
          id="admin-token"
          type="password"
          autocomplete="current-password"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'admin-token-error' : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-primary" disabled={checking}>
          {t('admin.login')}
        </button>
        {error && (
          <p id="admin-token-error" class="notice notice-danger admin-login-error" role="alert">
            {error}
          </p>
        )}
      </form>
      <p class="muted">{t('admin.tokenHint')}</p>
    </main>
  );
}

function MeetingList() {
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    void api.list().then((r) => {
      if (r.ok) setMeetings(r.data);
      else if (r.error.code === 'unauthorized') logout();
      else setError(r.error.message);
    });
  useEffect(load, []);
  if (error) return <p class="notice" role="alert">{error}</p>;
  if (!meetings) return <p class="notice">{t('conn.connecting')}</p>;
  const row = (m: MeetingSummary) => (
    <tr key={m.id} class={m.archivedAt ? 'archived' : ''}>
      <td>{formatDate(m.start)}</td>
      <td>
        <strong>{m.name}</strong>
        <br />
        <span class="muted">
          {m.body} · {m.organization}
        </span>
      </td>
      <td>{t('admin.counts', { members: m.members, items: m.items, votes: m.polls })}</td>
      <td class="admin-actions">
        <a class="btn" href={`#/meeting/${encodeURIComponent(m.id)}`}>
          {t('admin.edit')}
        </a>
        <a class="btn" href={`#/cards/${encodeURIComponent(m.id)}`}>
          {t('admin.cards')}
        </a>
        <a class="btn" href={`/results/?meeting=${encodeURIComponent(m.id)}`}>
          {t('admin.results')}
        </a>
        <button type="button" class="btn" onClick={() => void api.archive(m.id, !m.archivedAt).then(load)}>
          {m.archivedAt ? t('admin.unarchive') : t('admin.archive')}
        </button>
      </td>
    </tr>
  );
  const active = meetings.filter((m) => !m.archivedAt);
  const archived = meetings.filter((m) => m.archivedAt);
  return (
    <section>
      <div class="admin-bar">
        <h1>{t('admin.meetings')}</h1>
        <a class="btn btn-primary" href="#/new">
          {t('admin.new')}
        </a>
      </div>
      <table class="admin-table">
        <tbody>{active.map(row)}</tbody>
      </table>
      {active.length === 0 && <p class="notice">{t('admin.none')}</p>}
      {archived.length > 0 && (
        <>
          <h2>{t('admin.archived')}</h2>
          <table class="admin-table">
            <tbody>{archived.map(row)}</tbody>
          </table>
        </>
      )}
    </section>
  );
}
