import { ActionIcon, Alert, Loader, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { markFirstScreen } from '../shell/first-screen';
import { LazyTooltip } from '../shell/LazyTooltip';
import { useNavigation } from '../state/navigation';
import { DeploymentStatusBadge } from '../status/StatusBadge';
import { useCreateDeployment } from '../deployment/create-deployment';
import classes from './Navigator.module.css';
import { useText } from '../i18n/i18n';

export function DeploymentList() {
  const t = useText();
  const deploymentId = useNavigation((s) => s.deploymentId);
  const selectDeployment = useNavigation((s) => s.selectDeployment);
  const { data, error, loading } = useApiQuery('deployments.list', {}, ['deployments', 'sites']);
  const openCreate = useCreateDeployment((s) => s.setOpen);

  // Keep a valid deployment selected: the first one when none (or an unknown one) is.
  useEffect(() => {
    if (!data || data.length === 0) return;
    if (!deploymentId || !data.some((d) => d.id === deploymentId)) selectDeployment(data[0]?.id ?? null);
  }, [data, deploymentId, selectDeployment]);

  // With no deployment (or none readable) this list is the whole first screen; else SiteTree marks it.
  const empty = data?.length === 0 || (error !== null && !data);
  useEffect(() => {
    if (empty) markFirstScreen();
  }, [empty]);

  return (
    <div>
      <div className={classes.sectionTitle}>
        <span>
          {t('navigator.deploymentList.deployments')} {loading && !data ? <Loader size={10} ml={4} /> : null}
        </span>
        <LazyTooltip label={t('navigator.deploymentList.newDeployment')}>
          <ActionIcon
            variant="subtle"
            size="sm"
            color="gray"
            onClick={() => openCreate(true)}
            aria-label={t('navigator.deploymentList.newDeployment')}
          >
            <IconPlus size={14} />
          </ActionIcon>
        </LazyTooltip>
      </div>
      {error && (
        <Alert color="red" mx="sm" p="xs" fz="xs">
          {error.message}
        </Alert>
      )}
      <div className={classes.deployments}>
        {data?.map((d) => (
          <UnstyledButton
            key={d.id}
            className={classes.row}
            data-active={d.id === deploymentId || undefined}
            onClick={() => selectDeployment(d.id)}
            data-testid="deployment-row"
            data-deployment-id={d.id}
          >
            <div className={classes.line}>
              <span className={classes.name} style={{ fontWeight: 600 }} title={d.name}>
                {d.name}
              </span>
              <DeploymentStatusBadge status={d.status} size="xs" />
            </div>
            <div className={classes.line}>
              <span className={classes.meta}>{d.version ? `v${d.version}` : t('navigator.deploymentList.noVersion')}</span>
              <span className={classes.meta} style={{ marginLeft: 'auto' }}>
                {t('navigator.deploymentList.sitesDeployed', { deployed: d.sitesDeployed, total: d.siteCount })}
                {d.sitesRolledBack > 0 && (
                  <span data-testid="deployment-rolled-back">
                    {t('navigator.deploymentList.rolledBack', { sitesRolledBack: d.sitesRolledBack })}
                  </span>
                )}
              </span>
            </div>
          </UnstyledButton>
        ))}
        {data && data.length === 0 && (
          <div className={classes.meta} style={{ padding: '4px 12px 8px' }}>
            {t('navigator.deploymentList.noDeploymentsYet')}
          </div>
        )}
      </div>
    </div>
  );
}
