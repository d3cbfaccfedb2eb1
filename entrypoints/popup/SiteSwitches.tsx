import type { Lang } from '../../glossary/types.ts';
import { messageParts } from '../shared/components/message-parts.tsx';
import { Switch } from '../shared/components/Switch.tsx';
import { t } from '../shared/i18n.ts';
import { isSiteOn, type Settings } from '../shared/settings-schema.ts';
import { LOCAL_FILES } from '../shared/site-key.ts';
import type { SiteStatus } from './site-status.ts';

export interface SiteSwitchesProps {
  readonly lang: Lang;
  readonly status: SiteStatus;
  readonly settings: Settings;
  readonly onSite: (on: boolean) => void;
  readonly onGlobal: (on: boolean) => void;
}

/** The header's two switches: this site (named by its host) and all sites. */
export function SiteSwitches({ lang, status, settings, onSite, onGlobal }: SiteSwitchesProps) {
  const note =
    status.kind === 'browser-page'
      ? t(lang, 'popupCannotRun')
      : status.kind === 'unknown'
        ? t(lang, 'popupUnknownSite')
        : !settings.enabled
          ? t(lang, 'popupGlobalOffNote')
          : null;
  return (
    <section class="switches">
      {status.kind === 'site' ? (
        <Switch
          id="site-switch"
          class="site-switch"
          checked={isSiteOn(settings, status.site)}
          onChange={onSite}
          describedBy={note === null ? undefined : 'site-note'}
        >
          {status.site === LOCAL_FILES
            ? t(lang, 'popupLocalFilesSwitch')
            : messageParts(
                lang,
                'popupSiteSwitch',
                <strong class="host" key="host">
                  {status.site}
                </strong>,
              )}
        </Switch>
      ) : (
        <Switch
          id="site-switch"
          class="site-switch"
          checked={false}
          disabled
          onChange={onSite}
          describedBy={note === null ? undefined : 'site-note'}
        >
          {t(lang, 'popupPageSwitch')}
        </Switch>
      )}
      {note !== null && (
        <p id="site-note" class="switch-note">
          {note}
        </p>
      )}
      <Switch id="global-switch" checked={settings.enabled} onChange={onGlobal}>
        {t(lang, 'uiGlobalSwitch')}
      </Switch>
    </section>
  );
}
