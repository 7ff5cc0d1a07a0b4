import { useState } from 'react';
import { useAccountData } from '../../../lib/account-data.tsx';
import { t } from '../../../lib/i18n.ts';
import { Empty, ErrorNote, Loading, useAction, useLoad } from '../../../components/settings-kit.tsx';
import { flowApi, validationDetails, type ChatbotDetail } from './flow-api.ts';
import {
  addStep,
  problemsByStep,
  removeStep,
  renameStep,
  replaceStep,
  STEP_KINDS,
  type FlowDefinition,
  type StepKind,
} from './flow-edit.ts';
import { FlowCanvas } from './FlowCanvas.tsx';
import { ImportExport } from './ImportExport.tsx';
import { StepForm } from './StepForm.tsx';
import { TestPanel } from './TestPanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

type Tab = 'step' | 'versions' | 'test';

/** The flow builder: the canvas, and beside it the selected step's form, the versions, or the Test sandbox. */
export function FlowEditor({ id, onClose }: { id: string; onClose(): void }) {
  const { base } = useAccountData();
  /** The version opened from the versions list; the newest (perhaps a draft) at first. */
  const [opened, setOpened] = useState<number>();
  const loaded = useLoad(() => flowApi(base).show(id, opened), [base, id, opened]);
  if (loaded.error) return <Empty>{loaded.error}</Empty>;
  if (!loaded.data) return <Loading />;
  return (
    <Editor key={opened ?? 'newest'} bot={loaded.data} onClose={onClose} onSaved={loaded.setData} onOpen={setOpened} />
  );
}

function Editor({
  bot,
  onClose,
  onSaved,
  onOpen,
}: {
  bot: ChatbotDetail;
  onClose(): void;
  onSaved(bot: ChatbotDetail): void;
  onOpen(version: number): void;
}) {
  const { base } = useAccountData();
  const [def, setDef] = useState<FlowDefinition>(bot.definition);
  const [selected, setSelected] = useState<string | null>(bot.definition.start);
  const [tab, setTab] = useState<Tab>('step');
  const [kind, setKind] = useState<StepKind>('message');
  const [dirty, setDirty] = useState(false);
  /** Bumped by Arrange: the canvas is laid out afresh from the start step. */
  const [arranged, setArranged] = useState(0);
  const [problems, setProblems] = useState(problemsByStep([]));
  const save = useAction();

  const change = (next: FlowDefinition) => {
    setDef(next);
    setDirty(true);
  };
  const onSave = () =>
    void save.run(async () => {
      try {
        const saved = await flowApi(base).save(bot.id, def);
        setProblems(problemsByStep([]));
        setDirty(false);
        onSaved(saved);
      } catch (caught) {
        const details = validationDetails(caught);
        setProblems(problemsByStep(details));
        const first = details.map((d) => /^definition\.steps\.([A-Za-z0-9_-]+)/.exec(d.attribute)?.[1]).find(Boolean);
        if (first && def.steps.some((s) => s.id === first)) {
          setSelected(first);
          setTab('step');
        }
        throw caught;
      }
    });
  const step = def.steps.find((s) => s.id === selected);
  const live = bot.version === bot.definition_version;

  return (
    <div className="flow-editor">
      <header className="flow-toolbar">
        <button type="button" className="link" onClick={onClose}>
          ← {t('flows.title')}
        </button>
        <h2>{bot.name}</h2>
        <span className="subtle">
          {dirty
            ? t('flows.unsaved')
            : t(live ? 'flows.editingLive' : 'flows.editingDraft', { n: bot.definition_version, live: bot.version })}
        </span>
        <span className="flow-toolbar-gap" />
        <ImportExport
          name={bot.name}
          def={def}
          onImport={(imported) => {
            change(imported);
            setSelected(imported.start);
            setArranged((n) => n + 1);
          }}
        />
        <select aria-label={t('flows.stepKind')} value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
          {STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`flows.kind.${k}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            const added = addStep(def, kind);
            change(added.def);
            setSelected(added.id);
            setTab('step');
          }}
        >
          {t('flows.addStep')}
        </button>
        <button type="button" onClick={() => setArranged((n) => n + 1)}>
          {t('flows.arrange')}
        </button>
        <button type="button" className="primary" disabled={save.busy} onClick={onSave}>
          {t('flows.save')}
        </button>
      </header>
      {save.error && (
        <ErrorNote
          error={
            problems.flow.length ? problems.flow.join(' ') : problems.steps.size ? t('flows.stepProblems') : save.error
          }
        />
      )}
      <div className="flow-body">
        <FlowCanvas
          key={arranged}
          def={def}
          selected={selected}
          problems={problems.steps}
          onSelect={setSelected}
          onChange={change}
        />
        <aside className="flow-side" aria-label={t('flows.side')}>
          <div className="flow-tabs" role="tablist">
            {(['step', 'versions', 'test'] as const).map((key) => (
              <button key={key} type="button" role="tab" aria-selected={tab === key} onClick={() => setTab(key)}>
                {t(`flows.tab.${key}`)}
              </button>
            ))}
          </div>
          {tab === 'step' &&
            (step ? (
              <StepForm
                key={step.id}
                step={step}
                isStart={def.start === step.id}
                stepIds={def.steps.map((s) => s.id)}
                problems={problems.steps.get(step.id) ?? []}
                onChange={(next) =>
                  change(
                    next.id === step.id
                      ? replaceStep(def, step.id, next)
                      : replaceStep(renameStep(def, step.id, next.id), next.id, next),
                  )
                }
                onMakeStart={() => change({ ...def, start: step.id })}
                onRemove={() => {
                  change(removeStep(def, step.id));
                  setSelected(null);
                }}
              />
            ) : (
              <Empty>{t('flows.pickStep')}</Empty>
            ))}
          {tab === 'versions' && <VersionsPanel bot={bot} dirty={dirty} onChanged={onSaved} onOpen={onOpen} />}
          {tab === 'test' && <TestPanel def={def} />}
        </aside>
      </div>
    </div>
  );
}
