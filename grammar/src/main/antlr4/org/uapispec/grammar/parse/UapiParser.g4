/*
 * Syntax of the uapispec language. See grammar/README.md for the language by example. The parser is
 * run in SLL mode first and re-run in LL mode only when SLL fails (SpecParser).
 */
parser grammar UapiParser;

options { tokenVocab = UapiLexer; }

file : spec EOF ;

spec : SPEC STRING LBRACE specMember* RBRACE ;

specMember
    : metaItem                                  # specMeta
    | SETUP block                               # setupMember
    | INVARIANT NAME COLON expr                 # invariantMember
    | NAME ASSIGN expr                          # constantMember
    | SCENARIO STRING LBRACE scenarioMember* RBRACE # scenarioDecl
    ;

scenarioMember
    : metaItem                                  # scenarioMeta
    | statement                                 # scenarioStatement
    ;

metaItem
    : DESCRIPTION STRING+                       # descriptionItem
    | TAGS LBRACK dashedList? RBRACK            # tagsItem
    | PROFILES LBRACK profileList? RBRACK       # profilesItem
    | CATALOGUE LBRACK dashedList? RBRACK       # catalogueItem
    ;

dashedList : listItem (COMMA listItem)* COMMA? ;

// A string or number for catalogue ids that are not plain names ("USERPTR-OVERLAP-3.16", 45).
listItem : dashedName | STRING | INT ;

// Profiles as in an outcome key, each on every kernel era or on some: [generic@6.1+, i915-2019].
profileList : profileItem (COMMA profileItem)* COMMA? ;

profileItem : profileKey | STRING | INT ;

// Profile names (i915-2014), catalogue ids (USERPTR-ALIGN-PTR) and tags may contain dashes.
dashedName : word (MINUS (word | INT))* ;
word : NAME | OK | DEFAULT ;

block : LBRACE statement* RBRACE ;

statement
    : step
    | checkStmt
    | forLoop
    ;

step : (NAME ASSIGN)? call (ARROW outcome)? ;

checkStmt : CHECK expr ;

forLoop : FOR NAME (COMMA NAME)* (ARROW NAME)? IN LBRACK (row (COMMA row)* COMMA?)? RBRACK block ;

row
    : LPAREN expr (COMMA expr)+ RPAREN (ARROW outcomeAlternatives)?   # tupleRow
    | expr (ARROW outcomeAlternatives)?                               # singleRow
    ;

call : NAME LPAREN (arg (COMMA arg)* COMMA?)? RPAREN ;

arg : (NAME COLON)? expr ;

outcome
    : LBRACE profileCase (COMMA? profileCase)* COMMA? RBRACE   # perProfileOutcome
    | outcomeAlternatives                                      # plainOutcome
    ;

profileCase : profileKey (COMMA profileKey)* COLON outcomeAlternatives ;

// A profile, optionally in kernel eras: generic@5.10 (that era), generic@6.1+ (that era and later).
profileKey : DEFAULT | dashedName ERA? ;

outcomeAlternatives : outcomeAtom (PIPE outcomeAtom)* ;

outcomeAtom : OK | NAME ;

// Precedence from tightest to loosest: field, unary, * / %, + -, << >>, &, |, comparisons, &&, ||.
expr
    : expr DOT NAME                             # fieldExpr
    | op=(MINUS | TILDE | BANG) expr            # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr     # binaryExpr
    | expr op=(PLUS | MINUS) expr               # binaryExpr
    | expr op=(SHL | SHR) expr                  # binaryExpr
    | expr op=AMP expr                          # binaryExpr
    | expr op=PIPE expr                         # binaryExpr
    | expr op=(EQ | NE | LT | LE | GT | GE) expr # binaryExpr
    | expr op=ANDAND expr                       # binaryExpr
    | expr op=OROR expr                         # binaryExpr
    | call                                      # callExpr
    | NAME                                      # nameExpr
    | INT                                       # intExpr
    | STRING                                    # stringExpr
    | HEXBYTES                                  # hexExpr
    | (TRUE | FALSE)                            # boolExpr
    | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK # listExpr
    | LPAREN expr RPAREN                        # parenExpr
    ;
