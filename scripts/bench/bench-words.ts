/**
 * Words for benchmark comment bodies, most common first, English then
 * Russian: enough distinct words that Postgres keeps word statistics for the
 * body search as it would for real comments (a handful of words repeated
 * 100,000 times gives it none, and its estimates fall back to guesses).
 */
export const BENCH_WORDS: readonly string[] = `
the be to of and a in that have it for not on with he as you do at this but his by from they we say her she or an will my one all would
there their what so up out if about who get which go me when make can like time no just him know take people into year your good some
could them see other than then now look only come its over think also back after use two how our work first well way even new want
because any these give day most us article post thanks great agree disagree point argument read writer author comment question answer
really very much more less many few always never often sometimes maybe perhaps true false right wrong interesting boring useful useless
clear unclear example examples source sources data study studies research paper evidence claim claims fact facts opinion view views
government policy money price prices market tax taxes city country world local national news story report reports update edit link
thank please sorry wait stop start end problem problems issue issues solution solutions idea ideas plan plans change changes better worse
best worst old young long short big small high low early late open close free hard easy simple complex public private online offline
school teacher student students parent parents child children family friend friends home house car road train bus water food health
doctor hospital science technology computer phone software code bug release version feature features test tests team game games music
film book books history future past present life death war peace law court vote election party leader leaders president minister
это не на что как по но он все она так его только мне было вот от меня еще нет уже ему теперь когда даже ну вдруг если были
статья автор спасибо согласен правда вопрос ответ мнение пример данные город страна мир новости закон цена цены деньги работа люди
время год день жизнь дом школа дети друг семья проблема решение идея план лучше хуже всегда никогда часто интересно полезно
`
  .trim()
  .split(/\s+/);
