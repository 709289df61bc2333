import { useEffect, useState } from 'react';
import { call } from '../../lib/api';

/** Region names from main (the SDK's list); an empty list falls back to free text. */
export function useRegions(): string[] {
  const [regions, setRegions] = useState<string[]>([]);
  useEffect(() => {
    void call((api) => api.listRegions()).then((result) => {
      if (result.ok) setRegions(result.value);
    });
  }, []);
  return regions;
}
