import type { RuleSection } from '../rules';

/** The rules of a version, section by section, as a definition list. */
export function RuleSections({ sections, heading }: { sections: readonly RuleSection[]; heading: 'h2' | 'h3' }) {
  const Heading = heading;
  return (
    <>
      {sections.map((section) => (
        <section className="card" key={section.id} aria-labelledby={`rules-${section.id}`}>
          <Heading id={`rules-${section.id}`}>{section.title}</Heading>
          <dl className="facts rules">
            {section.lines.map((line) => (
              <div key={line.key}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
