import { isVoteChoice, type VoteChoice } from '../../core/governance/proposal-lifecycle.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { ServiceContext } from '../context.js';
import { governanceRejection } from './governance-rejections.js';

/**
 * One secret vote per eligible membership, by its payer. Who voted and what was voted are two
 * rows that share nothing but the proposal: the voter roll row is marked (voted_at), and the
 * ballot (a random 16-byte id, the proposal, the choice) names no membership and carries no time.
 * Both in one transaction; the mark is a conditional UPDATE (voted_at is null), so of two votes at
 * once for one membership only one marks a row and writes a ballot. A payer of several eligible
 * memberships names which one votes.
 */
export async function castProposalVote(
  context: ServiceContext,
  proposal_id: bigint,
  user_id: bigint,
  choice: VoteChoice,
  options: { membership_id?: bigint } = {},
): Promise<{ membership_id: bigint; member_code: string; voted_at: string }> {
  if (!isVoteChoice(choice)) governanceRejection('GOV_BAD_VOTE', 'choice: a vote is yes, no or abstain.', { field: 'choice' });
  const at = context.clock.now().toISOString();
  try {
    return await context.store.db.transaction().execute(async (trx) => {
      // A shared lock on PostgreSQL: votes run side by side, but the count (which updates this row)
      // waits for votes in flight and they for it, so no ballot lands after the count. SQLite runs
      // one write transaction at a time anyway.
      const proposal = await trx
        .selectFrom('proposals')
        .select(['status', 'closes_at'])
        .where('id', '=', proposal_id)
        .$if(context.store.dialect === 'postgres', (query) => query.forShare())
        .executeTakeFirst();
      if (proposal === undefined || proposal.status === 'draft') governanceRejection('GOV_NOT_FOUND', `No proposal ${proposal_id} open to members.`, { proposal_id: proposal_id.toString() });
      if (proposal.status !== 'voting' || proposal.closes_at === null || at >= proposal.closes_at) {
        governanceRejection('GOV_VOTE_CLOSED', `Voting on this proposal closed${proposal.closes_at === null ? '' : ` at ${proposal.closes_at}`}.`, { closes_at: proposal.closes_at });
      }
      // Two indexed steps (the user's memberships, then their rows on this roll), never a scan of the roll.
      const paid = await trx.selectFrom('memberships').select('id').where('payer_user_id', '=', user_id).execute();
      let seats: Array<{ membership_id: bigint; member_code: string; voted_at: string | null }> = [];
      if (paid.length > 0) {
        seats = await trx
          .selectFrom('proposal_voters')
          .select(['membership_id', 'member_code', 'voted_at'])
          .where('proposal_id', '=', proposal_id)
          .where('membership_id', 'in', paid.map((row) => row.id))
          .$if(options.membership_id !== undefined, (query) => query.where('membership_id', '=', options.membership_id!))
          .limit(2)
          .execute();
      }
      const seat = seats[0];
      if (seat === undefined) governanceRejection('GOV_NOT_ELIGIBLE', 'You pay for no membership that may vote on this proposal (the roll was fixed when voting opened).');
      if (seats.length > 1) governanceRejection('GOV_MEMBERSHIP_REQUIRED', 'membership_id: you pay for more than one member who may vote; say which one votes.', { field: 'membership_id' });
      const marked = await trx
        .updateTable('proposal_voters')
        .set({ voted_at: at })
        .where('proposal_id', '=', proposal_id)
        .where('membership_id', '=', seat.membership_id)
        .where('voted_at', 'is', null)
        .executeTakeFirst();
      if (marked.numUpdatedRows === 0n) governanceRejection('GOV_ALREADY_VOTED', 'This member has voted on this proposal already.');
      const ballot_hex = Buffer.from(context.random.bytes(16)).toString('hex');
      await trx.insertInto('proposal_ballots').values({ ballot_hex, proposal_id, choice }).execute();
      return { membership_id: seat.membership_id, member_code: seat.member_code, voted_at: at };
    });
  } catch (error) {
    // Sixteen random bytes do not collide; a unique violation here is a second vote racing the first.
    if (isUniqueViolation(error)) governanceRejection('GOV_ALREADY_VOTED', 'This member has voted on this proposal already.');
    throw error;
  }
}
