// A module of its own so that the dark theme's tokens are a chunk of their own (see index.tsx).
export { webDarkTheme } from '@fluentui/react-components';
