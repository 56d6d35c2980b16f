// Rendering of the two stream widgets, shared by the OBS overlay and the Twitch extension.
// Pure DOM: no framework, no remote assets.

const CONDITION_ICONS = {
  blinded: '🙈', charmed: '💘', deafened: '🙉', frightened: '😱', grappled: '🤼', incapacitated: '💫',
  invisible: '👻', paralyzed: '🧊', petrified: '🗿', poisoned: '🤢', prone: '🛌', restrained: '⛓️',
  stunned: '💥', unconscious: '💤', exhaustion: '😩', blessed: '✨', bless: '✨', concentrating: '🧠',
  concentration: '🧠', hasted: '⚡', haste: '⚡', raging: '😡', dodging: '🌀', hidden: '🫥', burning: '🔥',
};

const el = (tag, attrs = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children) if (child) node.append(child);
  return node;
};

export function conditionIcon(name) {
  return CONDITION_ICONS[String(name).toLowerCase()] ?? '◆';
}

/** The initiative list: order, current turn, round, HP bars for characters, health words for monsters. */
export function renderInitiative(container, encounter) {
  container.replaceChildren();
  if (!encounter || encounter.combatants.length === 0) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  container.append(el('div', { class: 'round', text: encounter.round > 0 ? `Round ${encounter.round}` : 'Initiative' }));
  const list = el('ol', { class: 'order' });
  for (const c of encounter.combatants) {
    const current = c.id === encounter.currentId;
    const row = el('li', { class: `combatant ${c.kind}${current ? ' current' : ''}${c.health === 'down' ? ' down' : ''}`, 'data-id': c.id, 'data-name': c.name });
    row.append(el('span', { class: 'init', text: c.initiative ?? '–' }), el('span', { class: 'name', text: c.name }));
    if (c.hp) {
      const pct = Math.max(0, Math.min(100, Math.round((c.hp.current / c.hp.max) * 100)));
      const bar = el('span', { class: 'hp', title: `${c.hp.current}/${c.hp.max}` }, [el('span', { class: 'hp-fill', style: `width:${pct}%` })]);
      if (c.hp.temp) bar.append(el('span', { class: 'hp-temp', text: `+${c.hp.temp}` }));
      row.append(bar, el('span', { class: 'hp-text', text: `${c.hp.current}/${c.hp.max}` }));
    } else if (c.health) {
      row.append(el('span', { class: `health ${c.health}`, text: c.health }));
    }
    if (c.conditions.length) {
      row.append(
        el(
          'span',
          { class: 'conditions' },
          c.conditions.map((k) =>
            el('span', { class: 'condition', title: k.remainingRounds ? `${k.name} (${k.remainingRounds})` : k.name, 'data-condition': k.name }, [
              el('span', { class: 'icon', text: conditionIcon(k.name) }),
              el('span', { class: 'label', text: k.remainingRounds ? `${k.name} ${k.remainingRounds}` : k.name }),
            ]),
          ),
        ),
      );
    }
    list.append(row);
  }
  container.append(list);
}

/** A dice card: who rolled what, each die (dropped ones struck through), the total, natural 20/1 called out. */
export function renderRoll(event) {
  const card = el('div', { class: 'roll-card', 'data-roll-id': event.id });
  card.append(el('div', { class: 'roller', text: event.actor.name }));
  for (const roll of event.rolls) {
    const callout = roll.natural20 ? 'Natural 20!' : roll.critical ? 'Critical!' : roll.natural1 ? 'Natural 1' : null;
    const dice = el('div', { class: 'dice' });
    for (const term of roll.terms) {
      for (const d of term.dice) {
        const nat = term.sides === 20 && d.kept && (d.value === 20 || d.value === 1);
        dice.append(el('span', { class: `die d${term.sides}${d.kept ? '' : ' dropped'}${nat ? (d.value === 20 ? ' nat20' : ' nat1') : ''}`, text: d.value }));
      }
    }
    card.append(el('div', { class: 'expression', text: roll.label ? `${roll.label} · ${roll.notation}` : roll.notation }), dice, el('div', { class: 'total', text: roll.total }));
    if (callout) card.append(el('div', { class: `callout ${roll.natural1 && !roll.critical ? 'fumble' : 'crit'}`, text: callout }));
  }
  return card;
}
