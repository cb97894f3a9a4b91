import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A page: its heading is the document title too, so screen readers and tabs name it. */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('common.brand')}`;
  }, [title, t]);
  return (
    <>
      <div className="spread">
        <h1 tabIndex={-1} id="page-title">
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}
