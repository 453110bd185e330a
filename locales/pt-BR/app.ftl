# Mensagens que o próprio programa usa (veja CODE_MESSAGES em src/locale.rs).
# Argumentos globais em toda mensagem: $org, $abandoned_days, $delivered_days, $waiting_days.
# Tratamento: "você", com pedidos educados ("por favor"). Rascunho: não revisado por falante nativo.

choice-yes = Sim
choice-no = Não
choice-unsure = Não tenho certeza
choice-dont-know = Não sei
choice-prefer-not = Prefiro não dizer
choice-continue = Continuar
choice-consent-agree = Sim, continuar
choice-consent-decline = Não, agora não
choice-no-code = Seguir sem código
choice-submit = Enviar minhas respostas
choice-change = Mudar a resposta { $n }
choice-resume = Continuar de onde parei
choice-send-now = Enviar isto agora
choice-tell-more = Contar mais (cerca de { $n } { $n ->
        [one] pergunta
       *[other] perguntas
    }, { $minutes } min)
choice-send-told = Enviar o que já contei
choice-tell-more-later = Contar mais
choice-restart = Começar de novo
choice-delete-confirm = Sim, apagar tudo
choice-delete-cancel = Não, manter minhas respostas

answer-prefer-not = (prefiro não dizer)
answer-dont-know = (não sei)
answer-skipped = (pulada)
answer-none = —
answer-date-approx = por volta de { $date }
answer-date-month = { $month } de { $year }
answer-date-day = { $day } de { $month } de { $year }

month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro

help-text =
    Se você estiver em perigo, ligue para o 911.
    Para falar com alguém agora, a qualquer hora, de dia ou de noite: Linha Nacional contra o Tráfico de Pessoas (National Human Trafficking Hotline), ligue para 1-888-373-7888 ou mande uma mensagem de texto (SMS) com a palavra HELP para 233733. É gratuito e confidencial, e eles falam muitas línguas.
help-commands =
    Você pode usar isto a qualquer momento:
    /back – voltar para a pergunta anterior
    /skip – pular uma pergunta (quando for possível)
    /exit – sair rápido; suas respostas ficam guardadas para quando você voltar
    /language – mudar o idioma
    /delete – apagar suas respostas do nosso sistema
    /help – mostrar isto de novo
    /exit e /delete também apagam as mensagens deste chat das últimas 48 horas, as suas e as do bot. O bot troca as mensagens mais antigas dele por um texto neutro; as suas mais antigas ele não pode mudar, mas você pode apagá-las por conta própria no Telegram, ou apagar o chat inteiro.

invalid-choice = Desculpe, não entendi. Por favor, escolha uma das opções.
invalid-choices = Por favor, escolha uma ou mais opções. Você pode escolher várias, por exemplo 1, 3.
invalid-number = Por favor, digite um número, por exemplo 19.
invalid-number-range = Por favor, digite um número entre { $min } e { $max }.
invalid-date = Não consegui ler essa data. Basta o ano, por exemplo 2014, "março de 2014" ou "por volta de 2014".
invalid-date-past = Essa data parece estar no futuro. Basta o ano, por exemplo 2014.
invalid-date-future = Essa data parece já ter passado. Por favor, confira, ou escolha "Não sei".
invalid-text-long = Ficou um pouco longo. Por favor, use menos de { $max } { $max ->
        [one] caractere
       *[other] caracteres
    }.
invalid-text-empty = Por favor, digite sua resposta, ou escolha uma das opções.
invalid-jurisdiction = Não reconheci esse estado. Você pode digitar o nome dele, por exemplo "Nova York", ou as duas letras, por exemplo NY.
invalid-stale = Esse botão é de uma pergunta anterior. Estamos aqui agora:
invalid-code = Por favor, digite seu código.
cannot-skip = Esta pergunta não pode ser pulada. Você pode escolher uma das opções, ou digitar /exit para parar por enquanto.
nothing-to-go-back-to = Esta é a primeira pergunta.
previous-answer = Sua resposta anterior:

review-intro =
    Aqui está tudo o que você nos contou. Por favor, confira.
    Você pode mudar qualquer resposta, ou enviar as respostas.
review-group-item = Caso { $n }
review-empty = Você ainda não respondeu nenhuma pergunta.
review-type-number = Para mudar uma resposta, digite o número dela.

resume-prompt = Que bom ver você de novo. Quer continuar de onde parou?
resume-prompt-sent = Que bom ver você de novo. O que você nos contou antes já foi enviado. Quer nos contar mais? Isso é acrescentado ao que você já enviou.
resume-code-ask = Por favor, digite seu código para continuar.
resume-code-set = Seu código foi definido. Vamos pedir esse código quando você voltar.
resume-code-again = Por favor, digite o mesmo código mais uma vez, para ter certeza de que está certo.
resume-code-mismatch = Os dois não eram iguais, então ainda não há código. Por favor, digite um código de novo, ou escolha "Seguir sem código".
resume-code-wrong = Esse código não confere. Por favor, tente de novo.
resume-code-locked = Muitas tentativas. Por favor, espere { $minutes } { $minutes ->
        [one] minuto
       *[other] minutos
    } e tente de novo.
resume-code-too-short = Por favor, use pelo menos { $min } { $min ->
        [one] caractere
       *[other] caracteres
    }, ou escolha "Seguir sem código".

delete-confirm =
    Isto vai apagar tudo o que você nos contou. Não dá para desfazer.
    Se suas respostas já foram enviadas, vamos pedir ao advogado que apague a cópia dele. Quer apagar?
delete-done = Tudo o que você nos contou foi apagado.
delete-cancelled = Nada foi apagado.

exit-done = Chat pausado. Digite /start para voltar.

language-prompt = Escolha um idioma · Choose a language
language-changed = Certo.

already-submitted = Suas respostas já foram enviadas. Alguém vai entrar em contato com você do jeito que você escolheu. Você pode começar uma nova conversa, ou digitar /delete para apagar o que está guardado aqui.
multi-instructions = Você pode escolher mais de uma.
console-free-input-choices = Digite sua resposta, ou digite uma destas:
jurisdiction-other = Outro estado
not-started = Digite /start para começar.
# Usado como $org até a organização colocar o nome dela na configuração.
org-name = a organização de assistência jurídica
error-storage =
    Desculpe, algo deu errado do nosso lado e não podemos continuar esta conversa agora. Você pode digitar /delete para começar do zero.
    Em uma emergência, ligue para o 911. Para falar com alguém agora: ligue para 1-888-373-7888 ou mande uma mensagem de texto (SMS) com a palavra HELP para 233733.
error-retry = Desculpe, algo deu errado do nosso lado com sua última mensagem. Por favor, envie de novo.

# O menu de comandos do bot: palavras neutras, porque qualquer pessoa pode ver o menu.
menu-start = Começar
menu-back = Voltar
menu-help = Ajuda
menu-language = Idioma
menu-exit = Fechar
menu-delete = Apagar
# O botão que envia uma resposta de múltipla escolha no Telegram.
choice-done = Pronto ✓
# O Telegram mostra uma lista longa em partes: estes botões passam de uma parte para outra.
choice-page-more = Mais ▶
choice-page-back = ◀ Voltar
# Na revisão no Telegram: abre a lista de respostas, em partes, para escolher qual mudar.
choice-change-some = Mudar uma resposta

# Enviada uma vez quando um advogado aceita o caso, só se a pessoa escolheu este chat como forma de
# contato. Qualquer pessoa pode ver o telefone: nada sobre leis, antecedentes ou a organização.
notify-accepted = Olá de novo. Alguém vai entrar em contato com você em breve, do jeito que você escolheu. Você pode digitar /delete a qualquer momento para apagar o que está guardado aqui.
notify-not-taken =
    Olá de novo.
    Não conseguimos encontrar a tempo um advogado que pudesse cuidar disto, então o que você nos contou foi apagado, como dissemos que seria. Você pode começar de novo quando quiser com /start.
    Para falar com alguém agora, de dia ou de noite: ligue para 1-888-373-7888 ou mande uma mensagem de texto (SMS) com a palavra HELP para 233733. Em uma emergência, ligue para o 911.

# Under each question: how far along the survivor is ($total is an estimate).
progress = Pergunta { $n } de cerca de { $total }
