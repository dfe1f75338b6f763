import type { ArticleKind, ArticleMeta } from '../corpus/schema';

/** Who wrote a passage, and what kind of writing it is. */
export interface PassageCredit {
  /** The outlet whose words these are ("Al Jazeera"). */
  outlet: string;
  /** How a card credits them: "Al Jazeera, via Arab News", "CNN, via a machine-translated repost". */
  credit: string;
  kind: ArticleKind;
  /** True for a section another outlet wrote inside this article. */
  inSection: boolean;
}

type CreditedArticle = Pick<ArticleMeta, 'outlet' | 'via' | 'kind' | 'sections'> & {
  blocks: readonly { kind: string; text: string }[];
};

/** Block index at which each of the article's sections starts, or -1 when its heading is missing. */
export function sectionStarts(article: CreditedArticle): number[] {
  return article.sections.map((s) =>
    article.blocks.findIndex((b) => b.kind === 'heading' && b.text === s.startsAt),
  );
}

/** The credit for block `block` of `article`: the section's outlet, or the article's own. */
export function creditFor(article: CreditedArticle, block: number): PassageCredit {
  const starts = sectionStarts(article);
  let section = -1;
  starts.forEach((start, i) => {
    if (start !== -1 && start <= block) section = i;
  });
  const found = article.sections[section];
  if (found) {
    return {
      outlet: found.outlet,
      credit: `${found.outlet}, via ${article.outlet}`,
      kind: found.kind,
      inSection: true,
    };
  }
  return {
    outlet: article.outlet,
    credit: article.via ? `${article.outlet}, via ${article.via}` : article.outlet,
    kind: article.kind,
    inSection: false,
  };
}
