import {
  Body1,
  Button,
  FluentProvider,
  Image,
  Subtitle2,
  Title2,
  makeStaticStyles,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import type { Strings } from './strings';

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  text: { margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  strings: Strings;
  theme: Theme;
}

/** Placeholder screen until the report flow lands. */
export function App({ strings, theme }: AppProps) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Image src="assets/icon-32.png" alt="" width={32} height={32} />
          <Title2 as="h1" className={styles.text}>
            {strings.title}
          </Title2>
        </div>
        <Subtitle2 as="h2" className={styles.subtitle}>
          {strings.subtitle}
        </Subtitle2>
      </header>
      <Body1 as="p" className={styles.text}>
        {strings.comingSoon}
      </Body1>
      <Button appearance="primary" disabled>
        {strings.scanWorkbook}
      </Button>
    </FluentProvider>
  );
}
