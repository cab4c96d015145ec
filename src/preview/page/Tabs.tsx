/** ARIA tabs: arrow keys move between tabs, Home/End jump, the selected tab alone is in the tab order. */
import { useRef, type ReactNode } from 'react';
import type { Tab } from './location';

export const TABS: { id: Tab; label: string }[] = [
  { id: 'issue', label: 'Issues' },
  { id: 'report', label: 'Backlog health' },
  { id: 'settings', label: 'Project settings' },
  { id: 'workflow', label: 'Workflow' },
  { id: 'agent', label: 'Rovo agent' },
];

export function TabList({ selected, onSelect }: { selected: Tab; onSelect: (tab: Tab) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (index: number) => {
    const next = (index + TABS.length) % TABS.length;
    onSelect(TABS[next]!.id);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Project views" className="host-tabs">
      {TABS.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          role="tab"
          type="button"
          id={`tab-${tab.id}`}
          aria-selected={selected === tab.id}
          aria-controls={`panel-${tab.id}`}
          tabIndex={selected === tab.id ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(i + 1);
            else if (e.key === 'ArrowLeft') move(i - 1);
            else if (e.key === 'Home') move(0);
            else if (e.key === 'End') move(TABS.length - 1);
            else return;
            e.preventDefault();
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ id, children }: { id: Tab; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} className={`host-tabpanel host-tabpanel-${id}`}>
      {children}
    </div>
  );
}
