/*
 * Syntax of the uapispec language. See grammar/README.md for the language by example. The parser is
 * run in SLL mode first and re-run in LL mode only when SLL fails (SpecParser).
 *
 * The parser builds no parse tree (SpecParser turns it off): each rule's context keeps only what its
 * labels name, and the builders read the syntax tree out of those labels. So every element a builder
 * needs is labelled; a rule of one token or a run of tokens is read from its start and stop tokens.
 */
parser grammar UapiParser;

options { tokenVocab = UapiLexer; }

file : body=spec EOF ;

spec : SPEC title=STRING LBRACE members+=specMember* RBRACE ;

specMember
    : meta=metaItem                                          # specMeta
    | SETUP statements=block                                 # setupMember
    | INVARIANT name=NAME COLON value=expr                   # invariantMember
    | name=NAME ASSIGN value=expr                            # constantMember
    | SCENARIO title=STRING LBRACE members+=scenarioMember* RBRACE # scenarioDecl
    ;

scenarioMember
    : meta=metaItem                                          # scenarioMeta
    | stmt=statement                                         # scenarioStatement
    ;

metaItem
    : DESCRIPTION lines+=STRING+                             # descriptionItem
    | TAGS LBRACK tags=dashedList? RBRACK                    # tagsItem
    | PROFILES LBRACK profiles=profileList? RBRACK           # profilesItem
    | CATALOGUE LBRACK ids=dashedList? RBRACK                # catalogueItem
    | RETRY LBRACK errnos=dashedList? RBRACK                 # retryItem
    ;

dashedList : items+=listItem (COMMA items+=listItem)* COMMA? ;

// A string or number for catalogue ids that are not plain names ("USERPTR-OVERLAP-3.16", 45).
listItem : dashed=dashedName | literal=STRING | literal=INT ;

// Profiles as in an outcome key, each on every kernel era or on some: [generic@6.1+, i915-2019].
profileList : items+=profileItem (COMMA items+=profileItem)* COMMA? ;

profileItem : key=profileKey | literal=STRING | literal=INT ;

// Profile names (i915-2014), catalogue ids (USERPTR-ALIGN-PTR) and tags may contain dashes.
dashedName : word (MINUS (word | INT))* ;
word : NAME | OK | DEFAULT ;

block : LBRACE statements+=statement* RBRACE ;

statement
    : callStep=step
    | check=checkStmt
    | loop=forLoop
    | requirement=requireStmt
    ;

// A step or a condition the rest of the scenario needs: when it does not hold, the run is skipped.
// A call alone is a step (the first alternative), so that it may bind and expect an outcome.
requireStmt : REQUIRE (requiredStep=step | condition=expr) ;

// A binding may be indexed (h[i] = ...): one binding per index, each a name of its own.
step : retried=RETRY? (binding=NAME (LBRACK index=expr RBRACK)? ASSIGN)? target=call (ARROW result=outcome)? ;

checkStmt : CHECK condition=expr ;

// Rows in brackets, or a range of integers from 'from' up to but not including 'to'.
forLoop
    : FOR variables+=NAME (COMMA variables+=NAME)* (ARROW outcomeVariable=NAME)?
      IN (LBRACK (rows+=row (COMMA rows+=row)* COMMA?)? RBRACK | from=expr DOTDOT to=expr) body=block
    ;

row
    : LPAREN values+=expr (COMMA values+=expr)+ RPAREN (ARROW result=outcome)? # tupleRow
    | values+=expr (ARROW result=outcome)?                                      # singleRow
    ;

call : callee=NAME LPAREN (args+=arg (COMMA args+=arg)* COMMA?)? RPAREN ;

arg : (key=NAME COLON)? value=expr ;

outcome
    : LBRACE cases+=profileCase (COMMA? cases+=profileCase)* COMMA? RBRACE   # perProfileOutcome
    | alternatives=outcomeAlternatives                                        # plainOutcome
    ;

profileCase : keys+=profileKey (COMMA keys+=profileKey)* COLON alternatives=outcomeAlternatives ;

// A profile, optionally in kernel eras: generic@5.10 (that era), generic@6.1+ (that era and later).
profileKey : DEFAULT | profile=dashedName era=ERA? ;

// Its atoms are the tokens from its start to its stop that are not PIPE.
outcomeAlternatives : outcomeAtom (PIPE outcomeAtom)* ;

outcomeAtom : OK | NAME ;

// Precedence from tightest to loosest: field, unary, * / %, + -, << >>, &, |, comparisons, &&, ||.
expr
    : target=expr DOT field=NAME                                    # fieldExpr
    | op=(MINUS | TILDE | BANG) operand=expr                        # unaryExpr
    | left=expr op=(STAR | SLASH | PERCENT) right=expr              # binaryExpr
    | left=expr op=(PLUS | MINUS) right=expr                        # binaryExpr
    | left=expr op=(SHL | SHR) right=expr                           # binaryExpr
    | left=expr op=AMP right=expr                                   # binaryExpr
    | left=expr op=PIPE right=expr                                  # binaryExpr
    | left=expr op=(EQ | NE | LT | LE | GT | GE) right=expr         # binaryExpr
    | left=expr op=ANDAND right=expr                                # binaryExpr
    | left=expr op=OROR right=expr                                  # binaryExpr
    | invocation=call                                               # callExpr
    | name=NAME LBRACK index=expr RBRACK                            # indexExpr
    | NAME                                                          # nameExpr
    | INT                                                           # intExpr
    | STRING                                                        # stringExpr
    | HEXBYTES                                                      # hexExpr
    | (TRUE | FALSE)                                                # boolExpr
    | LBRACK (items+=expr (COMMA items+=expr)* COMMA?)? RBRACK      # listExpr
    | LPAREN inner=expr RPAREN                                      # parenExpr
    ;
