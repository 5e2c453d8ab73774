/*
 * Tokens of the uapispec language (*.uapi). Whitespace and newlines are insignificant; '#' and '//'
 * start comments that run to the end of the line; '///' doc comments go to their own channel so the
 * syntax-tree builder can attach them to the next spec, scenario, invariant or statement.
 */
lexer grammar UapiLexer;

channels { DOCS }

DOC          : '///' ~[\r\n]* -> channel(DOCS) ;
LINE_COMMENT : ('//' | '#') ~[\r\n]* -> skip ;
WS           : [ \t\r\n\f]+ -> skip ;

SPEC        : 'spec' ;
SCENARIO    : 'scenario' ;
SETUP       : 'setup' ;
INVARIANT   : 'invariant' ;
CHECK       : 'check' ;
REQUIRE     : 'require' ;
RETRY       : 'retry' ;
FOR         : 'for' ;
IN          : 'in' ;
TAGS        : 'tags' ;
PROFILES    : 'profiles' ;
CATALOGUE   : 'catalogue' ;
DESCRIPTION : 'description' ;
DEFAULT     : 'default' ;
OK          : 'ok' ;
TRUE        : 'true' ;
FALSE       : 'false' ;

ARROW  : '->' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;
COMMA  : ',' ;
COLON  : ':' ;
DOTDOT : '..' ;
DOT    : '.' ;
EQ     : '==' ;
NE     : '!=' ;
LE     : '<=' ;
GE     : '>=' ;
SHL    : '<<' ;
SHR    : '>>' ;
LT     : '<' ;
GT     : '>' ;
ANDAND : '&&' ;
OROR   : '||' ;
ASSIGN : '=' ;
PLUS   : '+' ;
MINUS  : '-' ;
STAR   : '*' ;
SLASH  : '/' ;
PERCENT : '%' ;
PIPE   : '|' ;
AMP    : '&' ;
TILDE  : '~' ;
BANG   : '!' ;

/*
 * A kernel era after a profile, in an outcome key or a profiles list: generic@6.1 or generic@6.1+
 * (that era and every later one).
 */
ERA      : '@' [0-9]+ '.' [0-9]+ '+'? ;
HEXBYTES : 'x"' ~["\r\n]* '"' ;
INT      : '0' [xX] [0-9a-fA-F_]+ | [0-9] [0-9_]* ;
NAME     : [a-zA-Z_] [a-zA-Z_0-9]* ;
STRING   : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' ;

/* Never fail in the lexer: the parser reports these as unexpected input with a position. */
UNTERMINATED_STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* ;
// A number run into letters (0x2g000, 12ab): longer than the INT it starts with, so it wins.
BAD_NUMBER          : [0-9] [a-zA-Z_0-9]* ;
/* '@' and what follows it where that is no ERA (@6, @6.1.2, @v6): one token, reported once. */
BAD_ERA             : '@' [0-9a-zA-Z_.+]* ;
ERROR_CHAR          : . ;
