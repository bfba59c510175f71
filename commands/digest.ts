import { defineCommand, tenantOf } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { audienceOf } from '../src/core/tenant.ts';
import { runDigest } from '../src/digest/run.ts';

export default defineCommand({
  name: 'digest',
  description: 'Preview the next digest now (admins can post it to the channel).',
  options: [
    { name: 'post', description: 'Post it to this channel for everyone (admins only)', type: 'boolean' },
  ],
  adminOnly: false,
  slow: true,
  isPublic: (args) => args.post === true,
  async run(ctx, args) {
    const post = args.post === true;
    if (post && !ctx.user.isAdmin) {
      throw new UserError('Only server admins can post the digest; run /digest without post to preview it.');
    }
    // A posted digest is recorded for this tenant only, so that its daily one does not repeat the items.
    const { reply } = await runDigest(ctx.store, ctx.config, {
      audience: audienceOf(tenantOf(ctx), ctx.config),
      now: ctx.now(),
      ephemeral: !post,
      record: post,
    });
    return reply;
  },
});
