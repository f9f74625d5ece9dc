import { parseArgs } from 'node:util';
import { channelSchema } from '../common/updates/feed';
import { publishRelease } from '../hub/releases/publish_release';

/**
 * `npm run hub:release -- --data DIR --channel stable [--rollout 20] [--version 1.2.3] FILE…`
 * Publishes NSIS .exe and AppImage builds to the hub's update feeds and prints one JSON summary line.
 */
function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      channel: { type: 'string', default: 'stable' },
      rollout: { type: 'string', default: '100' },
      version: { type: 'string' },
    },
  });
  const channel = channelSchema.safeParse(values.channel);
  const rollout = Number(values.rollout);
  if (!values.data || !channel.success || !Number.isInteger(rollout) || rollout < 0 || rollout > 100) {
    process.stderr.write(
      'usage: npm run hub:release -- --data DIR --channel stable|beta|pilot [--rollout 0-100] [--version X.Y.Z] FILE…\n',
    );
    return 2;
  }
  const result = publishRelease({
    dataDir: values.data,
    channel: channel.data,
    files: positionals,
    rolloutPercentage: rollout,
    version: values.version,
    now: new Date(),
  });
  if (!result.ok) {
    process.stderr.write(`hub:release refused: ${result.error}\n`);
    return 1;
  }
  const feeds = result.value.feeds.map(({ feedFile, feed }) => ({
    feed: feedFile,
    version: feed.version,
    file: feed.path,
    size: feed.files[0]!.size,
    rolloutPercentage: feed.rolloutPercentage,
  }));
  process.stdout.write(
    `${JSON.stringify({ event: 'published', channel: channel.data, publicKey: result.value.publicKeyBase64, feeds })}\n`,
  );
  return 0;
}

process.exitCode = main();
