import { useEffect, useState } from 'react';

export function App() {
  const [version, setVersion] = useState<string>('');
  useEffect(() => {
    void window.correlator.appInfo().then((result) => {
      if (result.ok) setVersion(result.value.version);
    });
  }, []);
  return (
    <main>
      <h1>orcw</h1>
      <p data-testid="version">{version}</p>
    </main>
  );
}
