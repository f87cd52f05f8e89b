import { Image, Text } from '@mantine/core';
import { useApiQuery } from '../../api/useApiQuery';
import { useText } from '../../i18n/i18n';

/** A stored photo, fetched by hash (the core checks the bytes against it) and shown as a data URL. */
export function PhotoThumb({ sha256 }: { sha256: string }) {
  const t = useText();
  const photo = useApiQuery('attachments.get', { sha256 }, []);
  if (photo.error) {
    return (
      <Text size="xs" c="red">
        {t('site.issues.photoThumb.photo', { id: sha256.slice(0, 8), message: photo.error.message })}
      </Text>
    );
  }
  if (!photo.data) return null;
  return (
    <Image
      src={`data:${photo.data.mediaType};base64,${photo.data.dataBase64}`}
      alt={t('site.issues.photoThumb.photo2', { id: sha256.slice(0, 8) })}
      maw={240}
      mah={180}
      fit="contain"
      radius="sm"
      mt={4}
      data-testid="issue-photo-thumb"
    />
  );
}
