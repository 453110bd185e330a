# Mensagens de flows/intake.toml. Cada pergunta que guarda uma resposta tem um atributo `.short`:
# o nome dela na revisão e no resumo para o advogado.
# Tratamento: "você". "Advocate" é "pessoa de apoio" ou "assistente social", não "advogado":
# em português, advogado é quem exerce o direito.

q-language = Escolha um idioma · Choose a language

q-safety = Olá. Agora é seguro para você conversar?
hint-safety = Se alguém chegar perto, digite /exit a qualquer momento. Isso apaga as mensagens deste chat das últimas 48 horas, e você pode continuar depois.
opt-safety-safe = Sim, posso conversar agora
opt-safety-not-now = Agora não

q-device = Mais alguém usa ou olha este celular?
opt-device-only-me = Não, só eu
opt-device-others = Sim, outra pessoa pode ver
opt-device-not-sure = Não tenho certeza

info-device-tips =
    Obrigado por nos contar. Algumas coisas que podem ajudar:
    • Digite /exit a qualquer momento para sair rápido. Isso apaga as mensagens deste chat das últimas 48 horas; /help explica exatamente o que é apagado.
    • Se você escolher nos contar mais depois das primeiras perguntas, pode criar um código nesse momento, para que ninguém mais consiga abrir suas respostas.
    • Uma notificação pode mostrar o começo de uma mensagem na tela bloqueada. Nas configurações do Telegram (Notificações e Sons) você pode desligar a prévia das mensagens.
    • Se puder, use um celular ou computador que só você usa, ou um de uma biblioteca ou do escritório de uma pessoa de apoio.
    A escolha é sua. Você pode continuar agora, se quiser.

q-consent =
    Antes de começar, por favor leia isto. É curto.

    • Este é um assistente automático, e quem o usa é { $org }. Ele não é advogado, e nada aqui é orientação jurídica. Responder ainda não faz de ninguém seu advogado.
    • Um advogado ou uma pessoa de apoio que trabalha com { $org } vai ler suas respostas e entrar em contato com você, só dos jeitos que você disser que são seguros.
    • Suas respostas ficam guardadas com criptografia. Se você parar sem terminar, elas são apagadas depois de { $abandoned_days } { $abandoned_days ->
        [one] dia
       *[other] dias
    }. Se nenhum advogado aceitar o caso em { $waiting_days } { $waiting_days ->
        [one] dia
       *[other] dias
    }, elas são apagadas nesse momento. Quando um advogado aceita, guardamos só uma cópia trancada, que é apagada { $delivered_days } { $delivered_days ->
        [one] dia
       *[other] dias
    } depois.
    • Uma cópia que já foi enviada a um advogado não pode ser recuperada, mas você pode pedir a ele que a apague.
    • Este chat funciona no Telegram e não tem criptografia de ponta a ponta: o Telegram pode ver o que é escrito aqui, e também qualquer pessoa que abra este celular ou sua conta do Telegram. Por favor, não escreva o nome de outras pessoas, nem o que aconteceu com você: não precisamos disso para ajudar.
    • Este não é um serviço de emergência. Se você estiver em perigo, ligue para o 911. Para falar com alguém agora, ligue para a Linha Nacional contra o Tráfico de Pessoas (National Human Trafficking Hotline) no 1-888-373-7888 ou mande uma mensagem de texto (SMS) com a palavra HELP para 233733.
    • Você pode pular perguntas, voltar, parar com /exit e apagar tudo com /delete.
    • Enviar as poucas respostas de que um advogado precisa para ligar de volta para você leva cerca de { $short_minutes } { $short_minutes ->
        [one] minuto
       *[other] minutos
    }. Contar tudo leva cerca de { $full_minutes } { $full_minutes ->
        [one] minuto
       *[other] minutos
    }. Você pode enviar antes e contar o resto depois.

    Quer continuar?

q-resume-code = Quer criar um código? Se você sair e voltar, vamos pedir esse código, para que ninguém mais que pegue seu celular possa ver ou mudar suas respostas. Digite um código que você vai lembrar (pelo menos 4 caracteres), ou escolha "Seguir sem código".
hint-resume-code = Não use um código que outra pessoa conheça, como uma data de aniversário.

q-preferred-name = Como você gostaria que a gente chamasse você? Não precisa ser o nome dos seus documentos.
    .short = Nome para usar

q-preferred-term = Como você gostaria que a gente falasse sobre o que aconteceu com você?
    .short = Palavras para usar
hint-preferred-term = Você não precisa nos contar o que aconteceu. Isto só nos ajuda a usar palavras que façam sentido para você.
opt-term-trafficking = "Fui vítima de tráfico de pessoas"
opt-term-exploitation = "Me exploraram"
opt-term-forced-work = "Me obrigaram a trabalhar"
opt-term-what-happened = Só "o que aconteceu"

q-nexus-all =
    Uma pergunta sobre tudo de uma vez.
    Pense em cada prisão ou condenação que você tem, a que você nos contou e qualquer outra: elas aconteceram enquanto alguém estava forçando, enganando ou pressionando você, ou por causa dessa situação?
    .short = Ligado ao tráfico de pessoas (todos os casos)
opt-nexus-all = Sim, todas
opt-nexus-some = Algumas, não todas
opt-nexus-none = Não

group-case = Caso { $n }

q-case-state =
    { $n ->
        [1] Agora, algumas perguntas sobre o passado. Não tenha pressa.
            Em que estado a polícia prendeu você, ou você teve uma condenação? Se aconteceu mais de uma vez, comece por uma: você pode acrescentar as outras depois. Se foi em um tribunal federal, escolha Federal (EUA).
       *[other] Obrigado. Agora, o próximo.
            Em que estado foi este? Se foi em um tribunal federal, escolha Federal (EUA).
    }
    .short = Estado
hint-case-state =
    Você pode digitar o nome do estado, por exemplo "Nova York", ou escolher um abaixo.
    Não sabe se tem antecedentes? Escolha "Não sei": um advogado pode descobrir.

q-case-county =
    Em que condado ou cidade foi, se você lembrar?
    O nome do tribunal também serve.
    .short = Condado ou tribunal

q-case-category =
    Foi sobre o quê? Escolha a opção mais parecida.
    Estamos falando da acusação, até onde você sabe.
    .short = Tipo de acusação
hint-case-category =
    Tudo bem se você não tiver certeza.
    O advogado pode procurar a acusação exata depois.
opt-cat-prostitution = Prostituição, oferecer programa ou ficar na rua para prostituição
opt-cat-loitering = Ficar parado na rua sem motivo (loitering) ou vadiagem
opt-cat-trespass = Entrar em propriedade sem permissão (trespassing)
opt-cat-disorderly = Perturbar a ordem ou resistir à prisão
opt-cat-theft = Furto ou furto em loja
opt-cat-fraud = Fraude, falsificação ou documento falso
opt-cat-drug-possession = Ter drogas
opt-cat-drug-sale = Vender ou levar drogas para alguém
opt-cat-weapons = Ter uma arma
opt-cat-promoting = Promover a prostituição ou recrutar outras pessoas
opt-cat-burglary = Arrombamento ou invasão para roubar
opt-cat-robbery = Roubo (com violência ou ameaça)
opt-cat-assault = Agressão ou briga
opt-cat-property = Danificar propriedade
opt-cat-driving = Direção ou trânsito
opt-cat-immigration = Imigração
opt-cat-other = Outra coisa

q-case-charge =
    Se você lembrar, qual era o nome?
    Só o nome da acusação, como "vadiagem", com suas próprias palavras. Por favor, não escreva o que aconteceu: não precisamos disso.
    .short = Acusação (suas palavras)

q-case-outcome = Como este caso terminou?
    .short = Como terminou
opt-outcome-conviction = Houve condenação, ou eu admiti a culpa
opt-outcome-deferred = Um programa, uma sentença adiada ou um programa alternativo ao processo (diversion)
opt-outcome-dismissed = O caso foi arquivado, ou houve absolvição
opt-outcome-arrest-only = A polícia me prendeu, mas nunca houve acusação
opt-outcome-pending = Ainda está em aberto
opt-outcome-juvenile = Foi na vara da infância e juventude

q-case-final-charge =
    No fim, foi por outra coisa? Se foi, o que foi? Pode usar suas próprias palavras.
    Estamos falando da acusação final, a da condenação, se não foi a primeira acusação.
    .short = Acusação final

q-case-level =
    Qual era a gravidade, se você souber?
    Foi um misdemeanor (infração menos grave) ou um felony (crime grave)?
    .short = Gravidade
hint-case-level =
    Do menos grave ao mais grave:
    uma violação ou infração (violation, infraction), depois um misdemeanor, depois um felony.
opt-level-violation = Uma violação ou infração (violation, infraction)
opt-level-misdemeanor = Um misdemeanor (infração menos grave)
opt-level-felony = Um felony (crime grave)

q-case-date =
    Mais ou menos quando foi?
    Estamos falando de quando a polícia prendeu você.
    .short = Quando foi a prisão
hint-dates = Basta o ano, por exemplo 2014 ou "por volta de 2014".

q-case-conviction-date = Mais ou menos quando o caso terminou?
    .short = Quando o caso terminou

q-case-sentence-done =
    Você já terminou tudo o que mandaram você fazer por isso?
    Por exemplo, prisão, liberdade condicional (probation), multas ou cursos que o tribunal determinou.
    .short = Pena cumprida
hint-case-sentence-done =
    Perguntamos porque as opções podem depender disso.
    Alguns jeitos de limpar antecedentes só podem ser usados depois que tudo o que o tribunal determinou estiver cumprido; outros não exigem isso.

q-case-nexus = Este caso aconteceu enquanto alguém estava forçando, enganando ou pressionando você, ou por causa dessa situação?
    .short = Ligado ao tráfico de pessoas
hint-case-nexus =
    Você não precisa nos contar o que aconteceu.
    Um advogado pode perguntar mais depois, só se você quiser.

q-case-harm =
    Dizia alguma destas coisas? Escolha todas as que se aplicam.
    Estamos falando da acusação, até onde você sabe.
    .short = Violência, arma ou ferimento
hint-case-harm =
    Perguntamos porque algumas leis tratam isso de outro jeito.
    Muitas pessoas ainda assim podem receber ajuda.
opt-harm-violence = Alguém foi ameaçado ou atacado
opt-harm-weapon = Havia uma arma
opt-harm-injury = Alguém se machucou
opt-harm-none = Nenhuma destas

q-case-age = Mais ou menos quantos anos você tinha?
    .short = Idade na época
hint-case-age = Perguntamos porque as regras podem ser diferentes para algo que aconteceu antes de você fazer 18 anos.

q-case-docket =
    Se você tiver um número do caso, pode digitar aqui. Tudo bem pular esta pergunta.
    Em inglês, ele pode se chamar docket number.
    .short = Número do caso

q-case-another =
    Obrigado. Tem mais algum que você queira nos contar?
    Qualquer outra prisão ou condenação, de qualquer época.
    .short = Outro caso
opt-another-yes = Sim, mais um
opt-another-no = Não, é só isso

q-other-names = Algum desses casos foi registrado com outro nome ou com outra grafia?
    .short = Com outro nome
hint-other-names =
    Você não precisa escrever o nome agora.
    Perguntamos para que o advogado saiba onde procurar.

q-still-in-situation =
    Primeiro, a sua segurança.
    Alguém ainda pressiona ou controla você?
    .short = Ainda na situação

info-still-in-situation =
    Obrigado por nos contar. Você merece estar em segurança.
    Se quiser falar com alguém agora, a qualquer hora: ligue para 1-888-373-7888 ou mande uma mensagem de texto (SMS) com a palavra HELP para 233733. Se você estiver em perigo, ligue para o 911.
    Digite /exit a qualquer momento para sair rápido. Só vamos continuar se você quiser.

q-situation-ended = Mais ou menos quando essa situação terminou?
    .short = Quando a situação terminou
hint-situation-ended =
    Basta o ano, por exemplo 2014 ou "por volta de 2014".
    Perguntamos porque, em alguns estados, o prazo para fazer o pedido ao tribunal conta a partir do fim dessa situação.

q-later-convictions =
    Mais uma pergunta sobre o passado.
    Desde então, houve mais alguma condenação contra você?
    .short = Condenações depois disso
hint-later-convictions =
    Perguntamos porque as opções podem depender disso.
    Alguns jeitos de limpar antecedentes levam em conta o que veio depois. Seja qual for a resposta, um advogado ainda pode conseguir ajudar você.

q-pending =
    Tem alguma coisa ainda em aberto para você agora?
    Por exemplo, um processo no tribunal que não terminou, ou um mandado de prisão.
    .short = Casos em aberto ou mandados
hint-pending =
    Perguntamos para poder planejar junto com você.
    Casos em aberto às vezes precisam de outro tipo de advogado.

q-documents = Você tem algum destes papéis? Escolha todos os que se aplicam.
    .short = Papéis que tem
hint-documents = Nenhum deles é necessário para pedir ajuda. Eles podem facilitar.
opt-doc-t-visa = Um visto T (T visa)
opt-doc-u-visa = Um visto U (U visa)
opt-doc-continued-presence = Continued Presence (permissão para ficar nos EUA por um tempo)
opt-doc-hhs-letter = Uma carta de elegibilidade do HHS (o Departamento de Saúde dos EUA)
opt-doc-law-enforcement = Uma carta da polícia ou de um promotor
opt-doc-service-provider = Uma carta de um abrigo, de uma pessoa de apoio ou de um terapeuta
opt-doc-court-records = Papéis do meu processo no tribunal
opt-doc-none = Nenhum destes

q-citizenship = Você é cidadão ou cidadã dos Estados Unidos?
    .short = Cidadania
hint-citizenship =
    Perguntamos porque isso pode mudar quais opções servem para você.
    Alguns jeitos de limpar antecedentes funcionam de outro modo para a imigração. Só as pessoas que ajudam você no seu caso vão ver sua resposta.
opt-cit-citizen = Sim, sou cidadão ou cidadã dos EUA
opt-cit-permanent-resident = Tenho green card (residência permanente)
opt-cit-other-status = Tenho outro visto ou outra situação migratória
opt-cit-no-status = Agora estou sem documentos

q-immigration-court =
    Você tem uma audiência marcada em breve?
    Estamos falando do tribunal de imigração.
    .short = Audiência no tribunal de imigração

q-immigration-court-date = Quando é essa audiência, se você souber?
    .short = Tribunal de imigração em

q-urgent =
    Tem algum prazo chegando?
    Por exemplo, uma audiência, um emprego ou um pedido de moradia.
    .short = Prazo urgente
hint-urgent = Se algo for urgente, vamos garantir que seja visto primeiro.

q-urgent-date = Quando é?
    .short = Data do prazo

q-record-consent =
    Uma pergunta sobre sua permissão.
    O advogado pode pedir sua ficha de antecedentes criminais ao estado e ao FBI, para encontrar todos os casos? Ele vai falar com você antes de fazer qualquer coisa.
    .short = Pode pedir antecedentes
hint-record-consent =
    Tudo bem se você não lembrar de todos os casos.
    A ficha ajuda o advogado a encontrá-los.

q-contact-method =
    Como podemos falar com você de forma segura? Escolha todas as formas que são seguras.
    Isto é para que alguém que trabalha com { $org } fale com você.
    .short = Formas seguras de contato
hint-contact-method = Só vamos usar as formas que você escolher. As mensagens não vão dizer qual é o assunto.
opt-contact-this-chat = Aqui, neste chat
opt-contact-phone = Uma ligação
opt-contact-text = Uma mensagem de texto (SMS)
opt-contact-email = E-mail
opt-contact-advocate = Pela minha pessoa de apoio ou assistente social

q-contact-details = Que número, e-mail ou pessoa de apoio devemos usar? Só escreva se for seguro.
    .short = Dados de contato
hint-contact-details = Você pode pular isto e contar a uma pessoa depois.

q-contact-time = Quando é seguro falar com você? Por exemplo, "dias de semana depois das 18h".
    .short = Horários seguros

q-review = Quase pronto.

q-send-choice =
    Obrigado. Isso já basta para alguém entrar em contato com você.
    Você pode enviar agora: um advogado pergunta o resto quando ligar. Ou você pode nos contar mais agora, o que ajuda o advogado a se preparar. Qualquer um dos dois está bem.
    Isto é o que você nos contou:

end-done = Obrigado. Suas respostas foram enviadas. Alguém vai entrar em contato do jeito que você escolheu. Em uma emergência, ligue para o 911; para outra ajuda, digite /help.

end-sent-early = Obrigado. O que você nos contou foi enviado. Alguém vai entrar em contato do jeito que você escolheu. Para acrescentar mais depois, digite /start. Em uma emergência, ligue para o 911; para outra ajuda, digite /help.

end-later = Tudo bem. Digite /start quando quiser continuar. Em uma emergência, ligue para o 911; para outra ajuda, digite /help.

end-declined = Tudo bem, nada do que você digitou foi guardado. Digite /start se mudar de ideia. Em uma emergência, ligue para o 911; para outra ajuda, digite /help.
