import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client';
export type JurorStanding = Awaited<ReturnType<typeof fetchJurors>>['jurors'][number];
export type PanelSeat = Awaited<ReturnType<typeof fetchPanels>>['panels'][number];
export type JuryRecord = Awaited<ReturnType<typeof fetchRecord>>;
export type Quiz = Awaited<ReturnType<typeof fetchQuiz>>;
export type CaseCard = Awaited<ReturnType<typeof fetchCase>>['case'];
export type VoteChoice = 'approve' | 'reject';

const keys = {
  jurors: ['jury', 'jurors', 'mine'] as const,
  panels: ['jury', 'panels', 'mine'] as const,
  quiz: ['jury', 'quiz'] as const,
  record: (claim_id: string) => ['jury', 'record', claim_id] as const,
  caseCard: (case_number: string) => ['jury', 'case', case_number] as const,
};

const fetchJurors = () => unwrap(api.GET('/api/jury/jurors/mine'));
const fetchPanels = () => unwrap(api.GET('/api/jury/panels/mine'));
const fetchQuiz = () => unwrap(api.GET('/api/jury/quiz'));
const fetchRecord = (claim_id: string) => unwrap(api.GET('/api/claims/{id}/jury', { params: { path: { id: claim_id } } }));
const fetchCase = (case_number: string) => unwrap(api.GET('/api/public/cases/{case_number}', { params: { path: { case_number } } }));

/** My juror standing per membership I pay for. */
export function useJurors() {
  return useQuery({ queryKey: keys.jurors, queryFn: fetchJurors });
}

/** The panel seats of the memberships I pay for, open ones first. */
export function usePanels() {
  return useQuery({ queryKey: keys.panels, queryFn: fetchPanels });
}

export function useQuiz() {
  return useQuery({ queryKey: keys.quiz, queryFn: fetchQuiz, staleTime: Infinity });
}

/** The public record of a claim's jury (seed, panel, window; counts and verdict once closed). */
export function useJuryRecord(claim_id: string) {
  return useQuery({ queryKey: keys.record(claim_id), queryFn: () => fetchRecord(claim_id) });
}

/** The anonymized case card, the only case data a juror sees. */
export function useCaseCard(case_number: string | undefined) {
  return useQuery({ queryKey: keys.caseCard(case_number ?? ''), queryFn: () => fetchCase(case_number!), enabled: case_number !== undefined });
}

export function useTakeQuiz() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { membership_id: string; answers: number[] }) => unwrap(api.POST('/api/jury/quiz', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.jurors }),
  });
}

export function useCastVote(claim_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { vote: VoteChoice; member_code?: string }) => unwrap(api.POST('/api/claims/{id}/votes', { params: { path: { id: claim_id } }, body })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: keys.panels }), client.invalidateQueries({ queryKey: keys.record(claim_id) })]),
  });
}
