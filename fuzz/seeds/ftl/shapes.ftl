### Resource comment

## Group

-brand = Folio
    .gender = masculine
# Comment
title = { $count ->
    [one] Uno { -brand }
   *[other] { $count } { intro-p1 } { -brand.gender }
}
intro-p1 =
    .title = attribute only
intro-p2 = { $x
intro-p3 = Título
intro-p3 = duplicate
description = Descripción 1 2 3 [a](https://www.cancer.org/) `code` **b
intro-p4 = { "\u0041" } { 5 } { NUMBER($n) } { missing-ref }
  indented = junk
intro-p5 =
    multiline
    value
