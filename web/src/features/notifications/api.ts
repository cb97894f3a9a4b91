import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

type NotificationPage = paths['/api/notifications']['get']['responses'][200]['content']['application/json'];
export type Notification = NotificationPage['notifications'][number];

const notificationsKey = ['notifications', 'mine'] as const;
/** Messages per page: a phone screen or two. */
const pageSize = 20;

/** My in-app messages, newest first, a page at a time (the API's next_before is the cursor). */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationsKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/notifications', { params: { query: { limit: pageSize, ...(pageParam === undefined ? {} : { before: pageParam }) } } })),
    getNextPageParam: (last) => last.next_before ?? undefined,
  });
}

/** Marks one message read and shows it read at once, in every page that holds it. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: ({ notification }) => {
      client.setQueryData<InfiniteData<NotificationPage, string | undefined>>(notificationsKey, (data) =>
        data === undefined
          ? data
          : {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                unread: page.notifications.some((entry) => entry.id === notification.id && entry.read_at === null) ? Math.max(0, page.unread - 1) : page.unread,
                notifications: page.notifications.map((entry) => (entry.id === notification.id ? notification : entry)),
              })),
            },
      );
    },
  });
}
