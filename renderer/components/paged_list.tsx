import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusableControls } from '../a11y/focus_navigation';
import { useAnnounce } from '../a11y/kit_context';
import { useElderMode } from '../app_context';
import { Text } from '../i18n/text';
import { KioskButton } from './kiosk_button';

/** Elder mode (长辈版) shows at most this many items per page, whatever the screen asks for. */
export const ELDER_PAGE_SIZE = 4;

interface PagedListProps<T> {
  items: readonly T[];
  /** Items per page; the rest are one "more" press away. */
  pageSize: number;
  getKey: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  /** Accessible name of the list. */
  label?: string;
  className?: string;
}

/**
 * A list that never scrolls: one page of items plus large "previous" and "more" buttons and a "page x of y"
 * status. Paging moves focus to the first item of the new page and announces the page. In elder mode pages
 * hold at most ELDER_PAGE_SIZE items, so every screen built on it offers fewer choices at once.
 */
export function PagedList<T>({ items, pageSize, getKey, renderItem, label, className }: PagedListProps<T>) {
  const elderMode = useElderMode();
  const size = Math.max(1, Math.floor(elderMode ? Math.min(pageSize, ELDER_PAGE_SIZE) : pageSize));
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const [page, setPage] = useState(0);
  const current = Math.min(page, pageCount - 1);
  const listRef = useRef<HTMLUListElement>(null);
  const moved = useRef(false);
  const announcer = useAnnounce();
  const { t } = useTranslation();

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    announcer.polite(t('paged_list.status', { page: current + 1, pages: pageCount }));
    if (listRef.current) focusableControls(listRef.current)[0]?.focus();
  }, [current, pageCount, announcer, t]);

  const go = (to: number) => {
    moved.current = true;
    setPage(to);
  };
  const start = current * size;
  const remaining = items.length - start - size;

  return (
    <div className={`paged-list${className ? ` ${className}` : ''}`}>
      <ul className="paged-list__items" aria-label={label} ref={listRef}>
        {items.slice(start, start + size).map((item, index) => (
          <li key={getKey(item)}>{renderItem(item, start + index)}</li>
        ))}
      </ul>
      {pageCount > 1 ? (
        <div className="paged-list__nav">
          {current > 0 ? (
            <KioskButton onPress={() => go(current - 1)}>
              <Text k="paged_list.previous" />
            </KioskButton>
          ) : null}
          <p className="paged-list__status">
            <Text k="paged_list.status" values={{ page: current + 1, pages: pageCount }} />
          </p>
          {remaining > 0 ? (
            <KioskButton variant="primary" onPress={() => go(current + 1)}>
              <Text k="paged_list.more" values={{ count: remaining }} />
            </KioskButton>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
