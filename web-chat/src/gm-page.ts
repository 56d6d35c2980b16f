import { byId, copyText, h, setError, show } from './dom.js';
import type { HubClient } from './hub-client.js';
import { renderStatus } from './status-panel.js';
import type { CampaignSummary, HubStatus, Member } from './types.js';

/**
 * The GM page: campaigns, members and their tokens, the overlay link, the Foundry manifest and the
 * hub's status, all through the same tools the API and MCP offer (socket `tool` event).
 */
export class GmPage {
  private campaigns: CampaignSummary[] = [];
  private selected: string | null = null;
  private wired = false;

  constructor(
    private readonly client: HubClient,
    private status: HubStatus,
  ) {}

  async open(): Promise<void> {
    if (!this.wired) this.wire();
    this.wired = true;
    renderStatus(byId('status'), this.status);
    byId('foundry-url').textContent = this.status.adapters.foundry.manifestUrl;
    await Promise.all([this.loadCampaigns(), this.refreshStatus()]);
  }

  private wire(): void {
    const owner = this.status.you.kind === 'owner';
    show(byId('create-campaign'), owner);
    byId('refresh-status').addEventListener('click', () => void this.refreshStatus());
    byId('create-campaign').addEventListener('submit', (e) => void this.createCampaign(e));
    byId('create-token').addEventListener('submit', (e) => void this.createToken(e));
    byId('build-overlay').addEventListener('click', () => void this.buildOverlayLink());
    byId('copy-token').addEventListener('click', () => void copyText(byId('new-token-value').textContent ?? '', byId('new-token-value')));
    byId('copy-overlay').addEventListener('click', () => void copyText(byId('overlay-url').textContent ?? '', byId('overlay-url')));
    byId('copy-foundry').addEventListener('click', () => void copyText(byId('foundry-url').textContent ?? '', byId('foundry-url')));
    byId('dismiss-token').addEventListener('click', () => this.forgetShownToken());
  }

  private async refreshStatus(): Promise<void> {
    try {
      this.status = await this.client.status();
      renderStatus(byId('status'), this.status);
      byId('foundry-url').textContent = this.status.adapters.foundry.manifestUrl;
    } catch (error) {
      byId('status').replaceChildren(h('li', { class: 'error' }, `Status unavailable: ${(error as Error).message}`));
    }
  }

  private async loadCampaigns(): Promise<void> {
    const listed = await this.client.tool<{ campaigns: CampaignSummary[] }>('list_campaigns');
    const error = byId('campaigns-error');
    if (!listed.ok) return setError(error, listed.error.message);
    setError(error, null);
    this.campaigns = listed.value.campaigns;
    if (this.selected && !this.campaigns.some((c) => c.id === this.selected)) this.selected = null;
    this.selected ??= this.campaigns.find((c) => c.role === 'gm')?.id ?? null;
    this.renderCampaigns();
    await this.loadMembers();
  }

  private renderCampaigns(): void {
    const list = byId('campaigns');
    if (!this.campaigns.length) {
      list.replaceChildren(h('li', { class: 'hint' }, this.status.you.kind === 'owner' ? 'No campaigns yet: create the first one below.' : 'Your token gives access to no campaign.'));
      return;
    }
    list.replaceChildren(
      ...this.campaigns.map((c) =>
        h(
          'li',
          { class: c.id === this.selected ? 'selected' : '', 'data-id': c.id },
          h('div', {}, h('strong', {}, c.name), ' ', h('span', { class: 'hint' }, `${c.system} · you are ${c.role}${c.activeSessionId ? ' · session running' : ''}`)),
          h('div', { class: 'mono small' }, c.id),
          c.role === 'gm'
            ? h('button', { type: 'button', class: 'secondary', 'aria-pressed': String(c.id === this.selected), onclick: () => void this.select(c.id) }, `Manage ${c.name}`)
            : null,
        ),
      ),
    );
  }

  private async select(campaignId: string): Promise<void> {
    this.selected = campaignId;
    this.forgetShownToken();
    show(byId('overlay-link'), false);
    this.renderCampaigns();
    await this.loadMembers();
  }

  private async createCampaign(event: Event): Promise<void> {
    event.preventDefault();
    const name = byId<HTMLInputElement>('campaign-name');
    const system = byId<HTMLInputElement>('campaign-system');
    const created = await this.client.tool<{ campaign: { id: string } }>('create_campaign', { name: name.value, system: system.value });
    if (!created.ok) return setError(byId('campaigns-error'), created.error.message);
    name.value = '';
    this.selected = created.value.campaign.id;
    await this.loadCampaigns();
  }

  private async loadMembers(): Promise<void> {
    const campaign = this.campaigns.find((c) => c.id === this.selected);
    show(byId('members-panel'), !!campaign);
    show(byId('overlay-panel'), !!campaign);
    if (!campaign) return;
    byId('members-campaign').textContent = campaign.name;
    const listed = await this.client.tool<{ members: Member[] }>('list_members', { campaignId: campaign.id });
    if (!listed.ok) return setError(byId('members-error'), listed.error.message);
    setError(byId('members-error'), null);
    const active = listed.value.members;
    byId('members').replaceChildren(
      ...(active.length
        ? active.map((m) =>
            h(
              'li',
              { 'data-member': m.id },
              h('span', {}, h('strong', {}, m.name), ' ', h('span', { class: 'badge' }, m.role)),
              h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke ${m.name}'s token`, onclick: () => void this.revoke(campaign.id, m) }, 'Revoke'),
            ),
          )
        : [h('li', { class: 'hint' }, 'Nobody else has access yet.')]),
    );
  }

  private async createToken(event: Event): Promise<void> {
    event.preventDefault();
    const name = byId<HTMLInputElement>('member-name');
    const role = byId<HTMLSelectElement>('member-role');
    if (!this.selected) return;
    const issued = await this.client.tool<{ token: string; member: Member }>('create_access_token', { campaignId: this.selected, name: name.value, role: role.value });
    if (!issued.ok) return setError(byId('members-error'), issued.error.message);
    name.value = '';
    // Shown once: the hub keeps only a hash, and this page forgets it when dismissed or on the next action.
    byId('new-token-name').textContent = `${issued.value.member.name} (${issued.value.member.role})`;
    byId('new-token-value').textContent = issued.value.token;
    show(byId('new-token'), true);
    byId('copy-token').focus();
    await this.loadMembers();
  }

  private forgetShownToken(): void {
    byId('new-token-value').textContent = '';
    show(byId('new-token'), false);
  }

  private async revoke(campaignId: string, member: Member): Promise<void> {
    if (!confirm(`Revoke ${member.name}'s token? Every page or bot using it stops at once.`)) return;
    const revoked = await this.client.tool('revoke_access_token', { campaignId, memberId: member.id });
    if (!revoked.ok) return setError(byId('members-error'), revoked.error.message);
    await this.loadMembers();
  }

  /** A viewer token of its own for the overlay, in the link's fragment (never sent to a server). */
  private async buildOverlayLink(): Promise<void> {
    if (!this.selected) return;
    const issued = await this.client.tool<{ token: string }>('create_access_token', { campaignId: this.selected, name: 'OBS overlay', role: 'viewer' });
    if (!issued.ok) return setError(byId('members-error'), issued.error.message);
    const params = new URLSearchParams({ token: issued.value.token, campaign: this.selected });
    byId('overlay-url').textContent = `${location.origin}/overlay/#${params}`;
    show(byId('overlay-link'), true);
    await this.loadMembers();
  }
}
