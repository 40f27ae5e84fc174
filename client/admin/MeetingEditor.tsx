import { useEffect, useState } from 'preact/hooks';
import { MEETING_LANGUAGES, MINUTE_FORMATS, type MeetingLanguage, type MinuteFormat } from '../../shared/meeting/meetingOptions.ts';
import { ROLES, type Member } from '../../shared/meeting/model.ts';
import { RULE_SET_IDS, RULE_SETS, type RuleSetId } from '../../shared/rules/ruleSets.ts';
import { t } from '../i18n/i18n.ts';
import { api, type EditableItem, type MeetingEdit } from './adminApi.ts';
import { fromMeetingInput, toMeetingInput } from './meetingTime.ts';
import { go } from './router.ts';
import '../ui/forms.css';
import '../ui/table.css';

const EMPTY: MeetingEdit = { body: '', organization: '', name: '', start: '', location: '', rules: 'NKomVG', members: [], agenda: [] };

/** Create or edit a meeting by hand: data, rule set, members with roles and voting right, agenda. */
export function MeetingEditor({ meetingId }: { meetingId: string | null }) {
  const [edit, setEdit] = useState<MeetingEdit | null>(meetingId ? null : EMPTY);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!meetingId) return;
    void api.get(meetingId).then((r) => {
      if (!r.ok) return setMessage({ error: true, text: r.error.message });
      const { id: _id, archivedAt: _a, votes: _v, ...rest } = r.data;
      setEdit(rest);
    });
  }, [meetingId]);
  if (!edit) return message ? <p class="notice" role="alert">{message.text}</p> : <p class="notice">{t('conn.connecting')}</p>;

  const set = (patch: Partial<MeetingEdit>) => setEdit({ ...edit, ...patch });
  const members = edit.members as Member[];
  const setMember = (i: number, patch: Partial<Member>) => set({ members: members.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const setItem = (i: number, patch: Partial<EditableItem>) => set({ agenda: edit.agenda.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const nextMemberId = () => `m${Math.max(0, ...members.map((m) => Number(/^m(\d+)$/.exec(m.id)?.[1] ?? 0))) + 1}`;

  const save = async (e: Event) => {
    e.preventDefault();
    const r = meetingId ? await api.update(meetingId, edit) : await api.create(edit);
    if (!r.ok) return setMessage({ error: true, text: r.error.message });
    if (!meetingId) return go(`#/meeting/${encodeURIComponent(r.data.id)}`);
    const warnings = 'warnings' in r.data ? (r.data.warnings as string[]) : [];
    setMessage({ error: false, text: [t('admin.saved'), ...warnings].join(' · ') });
  };

  return (
    <form class="editor" onSubmit={(e) => void save(e)}>
      <div class="admin-bar">
        <h1>{meetingId ? t('admin.editMeeting') : t('admin.new')}</h1>
        <button type="submit" class="btn btn-primary">
          {t('admin.save')}
        </button>
      </div>
      {message && (
        <p class={message.error ? 'notice admin-error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <fieldset class="editor-grid">
        <legend>{t('admin.meetingData')}</legend>
        <Field label={t('admin.field.body')} value={edit.body} onInput={(body) => set({ body })} />
        <Field label={t('admin.field.organization')} value={edit.organization} onInput={(organization) => set({ organization })} />
        <Field label={t('admin.field.name')} value={edit.name} onInput={(name) => set({ name })} />
        <label>
          {t('admin.field.start')}
          <input type="datetime-local" required value={toMeetingInput(edit.start)} onInput={(e) => set({ start: fromMeetingInput(e.currentTarget.value) })} />
        </label>
        <Field label={t('admin.field.location')} value={edit.location ?? ''} onInput={(location) => set({ location })} />
        <label>
          {t('admin.field.rules')}
          <select value={edit.rules} onChange={(e) => set({ rules: e.currentTarget.value as RuleSetId })}>
            {RULE_SET_IDS.map((id) => (
              <option key={id} value={id}>
                {id} – {RULE_SETS[id].state}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.field.minuteFormat')}
          <select value={edit.minuteFormat ?? 'allris'} onChange={(e) => set({ minuteFormat: e.currentTarget.value as MinuteFormat })}>
            {MINUTE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`admin.minuteFormat.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.field.language')}
          <select value={edit.language ?? 'de'} onChange={(e) => set({ language: e.currentTarget.value as MeetingLanguage })}>
            {MEETING_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`admin.language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.field.statutory')}
          <input type="number" min={1} value={edit.statutoryMembers ?? ''} onInput={(e) => set({ statutoryMembers: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })} />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('admin.members')}</legend>
        <table class="admin-table">
          <tbody>
            {members.map((m, i) => (
              <tr key={m.id}>
                <td>
                  <input aria-label={t('admin.field.memberName')} value={m.name} required onInput={(e) => setMember(i, { name: e.currentTarget.value })} />
                </td>
                <td>
                  <select aria-label={t('admin.field.role')} value={m.role} onChange={(e) => setMember(i, roleChange(e.currentTarget.value as Member['role']))}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`admin.role.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={t('admin.field.group')} placeholder={t('admin.field.groupHint')} value={m.group ?? ''} onInput={(e) => setMember(i, { group: e.currentTarget.value || null })} />
                </td>
                <td>
                  <label>
                    <input type="checkbox" checked={m.votingRight} disabled={m.role === 'advisory'} onChange={(e) => setMember(i, { votingRight: e.currentTarget.checked })} /> {t('admin.field.votingRight')}
                  </label>
                </td>
                <td>
                  <button type="button" class="btn" onClick={() => set({ members: members.filter((_, j) => j !== i) })}>
                    {t('admin.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" class="btn" onClick={() => set({ members: [...members, { id: nextMemberId(), name: '', role: 'member', votingRight: true }] })}>
          {t('admin.addMember')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('admin.agenda')}</legend>
        <table class="admin-table">
          <tbody>
            {edit.agenda.map((item, i) => (
              <tr key={item.id ?? `new-${i}`}>
                <td>
                  <input class="input-number" aria-label={t('admin.field.number')} value={item.number} required onInput={(e) => setItem(i, { number: e.currentTarget.value })} />
                </td>
                <td>
                  <input aria-label={t('admin.field.itemName')} value={item.name} required onInput={(e) => setItem(i, { name: e.currentTarget.value })} />
                </td>
                <td>
                  <label>
                    <input type="checkbox" checked={item.public} onChange={(e) => setItem(i, { public: e.currentTarget.checked })} /> {t('admin.field.public')}
                  </label>
                </td>
                <td>
                  <input class="input-paper" aria-label={t('admin.field.paper')} placeholder={t('admin.field.paper')} value={item.paper ?? ''} onInput={(e) => setItem(i, { paper: e.currentTarget.value || null })} />
                </td>
                <td>
                  <button type="button" class="btn" onClick={() => set({ agenda: edit.agenda.filter((_, j) => j !== i) })}>
                    {t('admin.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" class="btn" onClick={() => set({ agenda: [...edit.agenda, { id: null, number: '', name: '', public: true, paper: null }] })}>
          {t('admin.addItem')}
        </button>
      </fieldset>
    </form>
  );
}

function Field({ label, value, onInput }: { label: string; value: string; onInput: (v: string) => void }) {
  return (
    <label>
      {label}
      <input value={value} required={label !== t('admin.field.location')} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}

/** An advisory member never votes: choosing that role clears the voting right (the server refuses the pair). */
function roleChange(role: Member['role']): Partial<Member> {
  return role === 'advisory' ? { role, votingRight: false } : { role };
}
