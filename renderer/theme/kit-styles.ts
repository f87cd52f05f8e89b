// The whole component kit's styles, loaded with the chunk that follows the first screen
// (shell/deferred-kit.tsx). In the `mantine` cascade layer like first-screen-styles.ts: arriving
// after the app's own styles, they still never override them.
import '@mantine/core/styles.layer.css';
import '@mantine/notifications/styles.layer.css';
