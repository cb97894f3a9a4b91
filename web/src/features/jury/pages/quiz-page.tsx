import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { RequireSession } from '../../../shared/auth/require-session';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useJurors, useQuiz, useTakeQuiz, type JurorStanding, type Quiz } from '../api/jury-api';
import { errorMessage } from '../../../shared/i18n/error-message';

type Answers = Array<number | undefined>;

function QuestionField({
  index,
  question,
  value,
  error,
  onChange,
}: {
  index: number;
  question: Quiz['questions'][number];
  value: number | undefined;
  error: string | undefined;
  onChange: (option: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const text = (entry: { zh: string; en: string }) => (language === 'en' ? entry.en : entry.zh);
  return (
    <div className="card">
      <fieldset className="field jury-question" aria-describedby={error === undefined ? undefined : `${id}-error`}>
        <legend>
          {t('jury.quiz.questionNumber', { number: index + 1 })} {text(question.question)}
        </legend>
        {question.options.map((option, optionIndex) => (
          <label key={optionIndex} className="choice">
            <input type="radio" name={`question-${question.id}`} checked={value === optionIndex} onChange={() => onChange(optionIndex)} />
            {text(option)}
          </label>
        ))}
        {error === undefined ? null : (
          <span className="field-error" id={`${id}-error`} role="alert">
            {error}
          </span>
        )}
      </fieldset>
    </div>
  );
}

function membershipLabel(t: ReturnType<typeof useTranslation>['t'], language: string, juror: JurorStanding): string {
  const plan = language === 'en' ? juror.plan_name_en : juror.plan_name_zh;
  const who = t(`jury.relationship.${juror.relationship}`, { defaultValue: juror.relationship });
  const passed = juror.quiz_passed_at === null ? '' : ` (${t('jury.quiz.alreadyPassed')})`;
  return `${who} ${juror.name_masked} · ${plan} · ${juror.member_code}${passed}`;
}

function QuizForm({ quiz, jurors }: { quiz: Quiz; jurors: JurorStanding[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search] = useSearchParams();
  const take = useTakeQuiz();
  const selectId = useId();
  const wanted = search.get('membership');
  const initial = jurors.find((juror) => juror.membership_id === wanted) ?? jurors.find((juror) => juror.quiz_passed_at === null) ?? jurors[0];
  const [membership, setMembership] = useState(initial?.membership_id ?? '');
  const [answers, setAnswers] = useState<Answers>(() => quiz.questions.map(() => undefined));
  const [checked, setChecked] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (take.isSuccess) resultRef.current?.focus();
  }, [take.isSuccess]);

  const missing = answers.map((answer) => answer === undefined);
  const membershipError =
    take.error instanceof ApiError && (take.error.code.startsWith('MEMBERSHIP') || take.error.fieldPaths.includes('membership_id'))
      ? errorMessage(t, take.error)
      : checked && membership === ''
        ? t('jury.quiz.chooseMembership')
        : undefined;
  const otherError = take.error !== null && membershipError === undefined ? errorMessage(t, take.error) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (membership === '' || missing.some(Boolean)) return;
    take.mutate({ membership_id: membership, answers: answers as number[] });
  }

  function retry() {
    take.reset();
    setChecked(false);
    setAnswers(quiz.questions.map(() => undefined));
    document.getElementById('page-title')?.focus();
  }

  if (take.isSuccess) {
    const result = take.data;
    return (
      <div ref={resultRef} tabIndex={-1} className={result.passed ? 'alert info jury-quiz-result' : 'alert warning jury-quiz-result'} role="status">
        <h2>{result.passed ? t('jury.quiz.passedHeading') : t('jury.quiz.failedHeading')}</h2>
        <p>{t('jury.quiz.score', { correct: result.correct_answers, total: result.questions, pass: quiz.pass_mark })}</p>
        {result.passed ? (
          <>
            <p>{t('jury.quiz.passedText')}</p>
            <Link className="button" to="/jury">
              {t('jury.quiz.backToJury')}
            </Link>
          </>
        ) : (
          <>
            <p>{t('jury.quiz.failedText')}</p>
            <button type="button" className="button" onClick={retry}>
              {t('jury.quiz.retry')}
            </button>
          </>
        )}
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={selectId}>{t('jury.quiz.membership')}</label>
        <span className="field-hint" id={`${selectId}-hint`}>
          {t('jury.quiz.membershipHint')}
        </span>
        <select
          id={selectId}
          value={membership}
          onChange={(event) => setMembership(event.target.value)}
          aria-invalid={membershipError === undefined ? undefined : true}
          aria-describedby={`${selectId}-hint${membershipError === undefined ? '' : ` ${selectId}-error`}`}
        >
          {jurors.map((juror) => (
            <option key={juror.membership_id} value={juror.membership_id}>
              {membershipLabel(t, language, juror)}
            </option>
          ))}
        </select>
        {membershipError === undefined ? null : (
          <span className="field-error" id={`${selectId}-error`} role="alert">
            {membershipError}
          </span>
        )}
      </div>
      {quiz.questions.map((question, index) => (
        <QuestionField
          key={question.id}
          index={index}
          question={question}
          value={answers[index]}
          error={checked && missing[index] ? t('jury.quiz.chooseAnswer') : undefined}
          onChange={(option) => setAnswers((current) => current.map((answer, at) => (at === index ? option : answer)))}
        />
      ))}
      {otherError === undefined ? null : (
        <div className="alert error" role="alert">
          {otherError}
        </div>
      )}
      <button type="submit" className="button" disabled={take.isPending}>
        {take.isPending ? t('jury.quiz.submitting') : t('jury.quiz.submit')}
      </button>
    </form>
  );
}

function QuizContent() {
  const { t } = useTranslation();
  const quiz = useQuiz();
  const jurors = useJurors();
  return (
    <Page title={t('jury.quiz.title')}>
      <QueryState query={quiz}>
        {(quizData) => (
          <>
            <p>{t('jury.quiz.intro', { questions: quizData.questions.length, pass: quizData.pass_mark })}</p>
            <QueryState query={jurors}>
              {(data) =>
                data.jurors.length === 0 ? (
                  <div className="alert info">
                    <p>{t('jury.quiz.noMemberships')}</p>
                    <Link to="/plans">{t('jury.seePlans')}</Link>
                  </div>
                ) : (
                  <QuizForm quiz={quizData} jurors={data.jurors} />
                )
              }
            </QueryState>
          </>
        )}
      </QueryState>
    </Page>
  );
}

export function QuizPage() {
  return (
    <RequireSession>
      <QuizContent />
    </RequireSession>
  );
}
