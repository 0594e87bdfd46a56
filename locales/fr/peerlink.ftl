# Catalogue de messages de peerlink : français (mêmes identifiants que l'anglais).
# Balisage : segments `code` et retours à la ligne. Les arguments sont échappés par le bot.

## !help

help-intro = Je suis peerlink, le bot du réseau des mécanismes nationaux de mise en œuvre, d'établissement de rapports et de suivi. Commandes :
help-intro-here = Je suis peerlink, le bot du réseau des mécanismes nationaux de mise en œuvre, d'établissement de rapports et de suivi. Ce que vous pouvez faire ici :
help-entry = { $usage } — { $summary }
help-elsewhere = Autres commandes, pour d'autres rôles ou d'autres salons : { $commands }. Envoyez { $all } pour les voir toutes.
help-footer = Envoyez { $help } suivi du nom d'une commande pour le détail, par exemple { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = La commande { $command } n'existe pas. Envoyez { $help } pour la liste.

## Résumés des commandes (affichés par !help)

summary-help = lister les commandes, ou en expliquer une
summary-ping = vérifier que le bot est en ligne et répond
summary-language = afficher ou choisir la langue dans laquelle je vous réponds

## Réponses

pong = Pong ! peerlink est en ligne et répond.
language-current = Je vous réponds en { $language } ({ $code }). Choisissez-en une autre avec { $example }. Disponibles : { $available }.
language-set = Désormais, je vous réponds en { $language }.

## Erreurs

unknown-command = Je ne connais pas la commande { $command }. Envoyez { $help } pour voir ce que je sais faire.
command-usage = Usage : { $usage }
problem-no-arguments = { $command } ne prend pas d'argument.
problem-too-many-arguments = { $command } prend au plus { $max ->
        [one] un argument
       *[other] { $max } arguments
    }.
internal-error = Désolé, une erreur s'est produite pendant le traitement de votre commande. Elle a été consignée ; veuillez réessayer dans un instant.

## Salons créés par le provisionnement (noms et sujets)

room-space-name = { $network }
room-space-topic = { $network_full } : plénière, salons régionaux d'apprentissage entre pairs et Comité exécutif.
room-plenary-name = { $network } — Plénière
room-plenary-topic = Plénière du réseau : annonces et discussions pour tous les États membres et observateurs.
room-regional-name = { $network } — { $region }
room-regional-topic = Salon d'apprentissage entre pairs du { $region }. Les délégués de toutes les régions sont les bienvenus.
room-committee-name = { $network } — Comité exécutif
room-observers = États observateurs : { $states }.
room-committee-topic = Comité exécutif du réseau : les demandes de coopération y sont examinées. Réservé aux délégués du Comité.
room-working-topic = Salon de travail de la demande { $number } (État : { $state }) : les délégués de cet État, ceux des États et des partenaires auxquels elle est attribuée, et le Comité exécutif. Rendez compte de l'avancement avec { $command }.

## Résumés des commandes, suite

summary-regions = lister les régions et la façon de rejoindre leurs salons
summary-join = être invité dans un autre salon régional d'apprentissage entre pairs
summary-whois = afficher le statut, le mécanisme et les délégués d'un État, ou le type, les salons et les délégués d'un partenaire
summary-state = (coordination) ajouter, modifier ou retirer un État
summary-partner = (coordination) ajouter, modifier ou retirer une organisation partenaire
summary-delegate = (coordination) ajouter, retirer ou remplacer un délégué
summary-roster = (coordination) afficher, exporter ou importer la liste des membres

## Problèmes d'arguments

problem-missing-argument = { $command } a besoin de { $what }.
problem-unknown-action = { $command } ne connaît pas { $given } ; utilisez : { $expected }.
problem-bad-country = { $value } n'est pas un code de pays : utilisez deux lettres, comme MA ou PY.
problem-bad-user = { $value } n'est pas un identifiant Matrix complet : écrivez-le comme @nom:exemple.org.
problem-bad-status = { $value } n'est pas un statut : utilisez founding_member, member ou observer.
problem-bad-seat = { $value } n'est ni un code de pays (deux lettres, comme MA) ni un identifiant de partenaire (comme ohchr).
problem-bad-partner-id = { $value } n'est pas un identifiant de partenaire : utilisez de 3 à 32 lettres minuscules, chiffres ou traits d'union, en commençant par une lettre (comme ohchr ou cndh-ma).
problem-bad-partner-kind = { $value } n'est pas un type de partenaire : utilisez un_body, un_agency, state_donor, nhri, civil_society ou academia.
problem-bad-language = { $value } n'est pas une langue proposée aux délégués : utilisez ar, zh-Hans, en, fr, ru, es ou pt.
problem-bad-format = { $value } n'est pas un format de liste : utilisez toml ou csv.
problem-bad-option = { $command } ne connaît pas l'option { $value } (ou sa valeur manque).
problem-unbalanced-quotes = Un guillemet est ouvert mais jamais fermé.
problem-missing-roster-text = { $command } a besoin du fichier lui-même, collé sur les lignes qui suivent la commande.

## Régions

regions-intro = Salons régionaux d'apprentissage entre pairs (tout membre ou observateur peut rejoindre chacun d'eux) :
regions-entry = • { $name } ({ $states } États) : { $join }
regions-entry-own = • { $name } ({ $states } États) : { $join } (votre région)
join-unknown-region = Je ne connais pas de région nommée « { $region } ». Envoyez { $regions } pour la liste.
join-not-delegate = Les salons régionaux sont réservés aux délégués des États membres et observateurs. Si vous représentez un État, demandez à la coordination de vous inscrire.
join-invited = Je vous ai invité dans le salon du { $region }. Acceptez l'invitation dans votre client Matrix pour le rejoindre.

## États

status-founding-member = membre fondateur
status-member = membre
status-observer = observateur
whois-unknown = Je ne connais pas de pays nommé « { $query } ». Utilisez son code à deux lettres, comme MA, ou son nom.
whois-not-in-network = { $name } ne fait pas (encore) partie du réseau.
whois-committee = membre du Comité exécutif
whois-coordinator = coordination du réseau
whois-none = aucun enregistré
whois-plenary = plénière
whois-partner = { $name } ({ $id }) : { $kind }
    Salons : { $regions }
    Délégués : { $delegates }
partner-kind-un-body = organe ou bureau des Nations Unies
partner-kind-un-agency = institution, fonds ou programme des Nations Unies
partner-kind-state-donor = État donateur ou agence de développement
partner-kind-nhri = institution nationale des droits de l'homme
partner-kind-civil-society = organisation de la société civile
partner-kind-academia = université ou centre de recherche
whois-state = { $name } ({ $code }) : { $status }{ $roles }
    Région : { $region }
    Mécanisme : { $mechanism }
    Délégués : { $delegates }

## Administration de la liste des membres

roster-not-allowed = Seuls la coordination et les administrateurs du réseau peuvent modifier la liste des membres.
roster-wrong-place = Les commandes de la liste des membres s'utilisent dans le salon du Comité exécutif ou en conversation directe avec moi, pas ici.
roster-no-change = Aucun changement : la liste dit déjà cela.
roster-changed = { $count ->
        [one] Un changement effectué
       *[other] { $count } changements effectués
    } ; les salons vont suivre :
roster-dry-run = Simulation : { $count ->
        [one] un changement serait effectué
       *[other] { $count } changements seraient effectués
    } ; rien n'a été modifié :
roster-line = { $line }
roster-file-problems = La liste n'a pas été modifiée : le fichier contient { $count ->
        [one] un problème
       *[other] { $count } problèmes
    } :
roster-no-such-state = { $value } ne figure pas dans la liste.
roster-state-exists = { $value } figure déjà dans la liste.
roster-no-such-delegate = { $value } n'est pas délégué.
roster-delegate-exists = Cette personne est déjà déléguée : { $value }.
roster-no-region = { $value } n'appartient à aucune région du réseau ; ajoutez-le d'abord au fichier des régions.
roster-show-intro = La liste des membres : { $count } États.
roster-show-region = { $name }
roster-show-state = { $code } { $name }, { $status } : { $delegates }
roster-show-partners = Partenaires
roster-show-partner = { $id } { $name }, { $kind } : { $delegates }
roster-no-such-partner = { $value } ne figure pas parmi les partenaires de la liste.
roster-partner-exists = { $value } figure déjà parmi les partenaires de la liste.
roster-unknown-region = { $value } n'est pas une région du réseau (voir !regions).

## Demandes de coopération

summary-request = (délégués membres ou observateurs) déposer une demande de coopération
summary-requests = lister les demandes : celles de votre État, ou toutes pour le Comité
summary-status = afficher une demande : état, historique, attribution, résultat
summary-ack = (Comité) accuser réception d'une demande
summary-info = (Comité) demander des informations au demandeur
summary-accept = (Comité) accepter une demande et l'attribuer à des États ou à des partenaires de la liste
summary-assign = (Comité) modifier les États ou les partenaires auxquels une demande acceptée est attribuée
summary-decline = (Comité) refuser une demande, avec un motif
summary-start = (Comité) marquer une demande acceptée comme en cours
summary-resolve = (Comité) clore une demande et enregistrer son résultat
summary-reopen = (Comité) rouvrir une demande close ou refusée
problem-bad-number = { $value } n'est pas un numéro de demande : écrivez-le comme 12 ou #12.
problem-bad-result = { $value } n'est pas un résultat : utilisez delivered, partly ou not_delivered.
request-wrong-place = Déposez vos demandes dans la plénière, votre salon régional ou en conversation directe avec moi.
request-not-delegate = Seuls les délégués des États membres et observateurs peuvent déposer et suivre des demandes. Si vous représentez un État, demandez à la coordination de vous inscrire.
request-unknown-category = { $category } n'est pas une catégorie. Utilisez : { $categories }.
request-observer-category = Les États observateurs ne peuvent pas déposer de demande dans { $category }. Catégories ouvertes aux observateurs : { $categories }.
request-filed = Merci. Votre demande porte le numéro { $number }. Le Comité exécutif a été prévenu ; vous serez informé ici, dans ce fil, à chaque étape.
request-card = Demande { $number } · { $category }
    De : { $state } ({ $region })
    Titre : { $title }
    { $description }
    Déposée par { $requester } : { $link }
    Discutez-en dans ce fil ; traitez-la avec !ack, !info, !accept, !decline, !start, !resolve (sans numéro ici).
requests-none = Aucune demande ne correspond.
requests-intro = Demandes :
requests-entry = { $number } [{ $state }] { $country } : { $title } ({ $category })
request-not-found = Il n'y a pas de demande { $number } que vous puissiez voir.
request-status = { $number } [{ $state }] { $country } : { $title } ({ $category })
request-status-assignee = Attribuée à : { $assignee }
request-status-outcome = Résultat : { $result }. { $summary }
request-status-lessons = Enseignements tirés : { $lessons }
request-status-step = { $when } · { $actor } → { $to } { $reason }
triage-wrong-place = Le traitement des demandes se fait dans le salon du Comité exécutif.
triage-which-request = Quelle demande ? Donnez son numéro, comme !ack 12, ou répondez dans le fil de sa fiche.
triage-done = La demande { $number } est maintenant : { $state }. Le demandeur a été informé.
triage-not-committee = Seuls les délégués des États du Comité exécutif peuvent traiter les demandes.
triage-own-request = La demande { $number } vient de { $state }, votre propre État : un autre État du Comité doit statuer.
triage-not-requester = Seuls les délégués de l'État qui a déposé la demande { $number } peuvent répondre à ses questions.
triage-not-now = La demande { $number } est { $state } ; possible maintenant : { $allowed }.
notice-acknowledged = Le Comité exécutif a accusé réception de votre demande { $number }.
notice-needs-info = Le Comité exécutif a une question sur votre demande { $number } : { $text }
    Merci de répondre dans ce fil.
notice-accepted = Votre demande { $number } a été acceptée et attribuée à { $assignees }. { $text }
notice-assigned = Votre demande { $number } est désormais attribuée à { $assignees }. { $text }
assign-unknown = { $value } n'est ni un État ni un partenaire de la liste (voir !whois).
assign-unknown-closest = { $value } n'est ni un État ni un partenaire de la liste. Vouliez-vous dire : { $closest } ?
assign-requester = { $state } a déposé cette demande : elle ne peut pas lui être attribuée.
assign-unchanged = La demande { $number } est déjà attribuée à { $assignees }.
notice-declined = Votre demande { $number } a été refusée : { $text }
notice-in-progress = Le travail sur votre demande { $number } a commencé.
notice-resolved = Votre demande { $number } est close ({ $result }) : { $text }
notice-reopened = Votre demande { $number } a été rouverte. { $text }
state-submitted = déposée
state-acknowledged = reçue
state-needs-info = en attente d'informations
state-accepted = acceptée
state-in-progress = en cours
state-resolved = close
state-declined = refusée
state-reopened = rouverte
result-delivered = réalisé
result-partly-delivered = partiellement réalisé
result-not-delivered = non réalisé
answer-relayed = Merci : votre réponse sur la demande { $number } a été transmise au Comité exécutif.
card-answer = Réponse de { $requester } sur la demande { $number } : { $text }
card-update = Avancement de la demande { $number }, communiqué par { $who } : { $text }

## Limits

rate-deferred = Vous envoyez des commandes plus vite que je ne les traite : je traiterai celle-ci et les suivantes tour à tour, une toutes les { $seconds ->
        [one] secondes
       *[other] { $seconds } secondes
    }, dans l'ordre d'envoi. Rien n'est perdu.
rate-refused = Trop de vos commandes attendent déjà : je n'ai pas exécuté { $command }. Merci de la renvoyer dans { $seconds ->
        [one] une seconde
       *[other] { $seconds } secondes
    }.
message-too-long = Cette commande est trop longue ({ $size } Ko ; au plus { $max } Ko). Rien n'a été enregistré.
request-title-too-long = Le titre est trop long ({ $length } caractères ; au plus { $max }). Restez bref et mettez le détail sur les lignes suivantes. Rien n'a été enregistré.
request-description-too-long = La description est trop longue ({ $length } caractères ; au plus { $max }). Partagez les longs documents sous forme de fichier ou de lien. Rien n'a été enregistré.

## Heure : fuseaux horaires, durées et dates telles qu'on les écrit

summary-timezone = afficher ou choisir le fuseau horaire des heures que je vous indique
summary-overdue = lister les demandes qui ont dépassé leurs délais de réponse
summary-update = rendre compte de l'avancement d'une demande dont s'occupe votre État ou votre organisation partenaire (dans son salon de travail, ou en indiquant son numéro)
update-which-request = Quelle demande ? Donnez son numéro, comme !update 12 …, ou écrivez dans le salon de travail de la demande.
update-not-involved = Seuls les délégués de l'État qui a déposé la demande { $number }, des États et des partenaires auxquels elle est attribuée, et du Comité exécutif rendent compte de son avancement.
update-not-now = La demande { $number } est { $state } : l'avancement n'est signalé que tant qu'une demande est acceptée ou en cours.
update-recorded = Avancement de la demande { $number } enregistré ; le Comité exécutif le voit dans la fiche de la demande.
working-opened = La demande { $number } « { $title } » (État : { $state }) a été acceptée par le Comité exécutif et attribuée à { $assignees }. C'est dans ce salon que le travail se fait : rendez compte de l'avancement avec { $command } (il est consigné dans l'historique de la demande et transmis au Comité).
working-description = La demande : { $description }
working-note = Note du Comité exécutif : { $note }
working-reassigned = La demande { $number } est désormais attribuée à { $assignees }.
working-closed = La demande { $number } est close ({ $result }) : { $summary }
    Ce salon est désormais en lecture seule ; il reste la trace du travail accompli.
timezone-current = Je vous indique les heures dans le fuseau { $zone } ; date et heure actuelles : { $now }. Choisissez-en un autre avec { $example } (un nom de fuseau IANA).
timezone-set = Désormais, je vous indique les heures dans le fuseau { $zone } ; date et heure actuelles : { $now }.
duration-days = { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }
duration-hours = { $n ->
        [one] { $n } heure
       *[other] { $n } heures
    }
duration-minutes = { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
duration-seconds = { $n ->
        [one] { $n } seconde
       *[other] { $n } secondes
    }
when-zone-suggest = { $input } n'est pas un fuseau horaire que je connais. Vouliez-vous dire { $suggestion } ?
when-zone-unknown = { $input } n'est pas un fuseau horaire que je connais. Utilisez un nom IANA comme `Europe/Lisbon`, `America/Asuncion` ou `Africa/Casablanca`, ou bien `UTC`.
when-bad-date = { $input } n'est pas une date. Écrivez-la sous la forme année-mois-jour, par exemple `2027-03-15`.
when-impossible-date = { $input } n'existe pas dans le calendrier. Vérifiez le jour et le mois.
when-bad-time = { $input } n'est pas une heure. Écrivez-la au format 24 heures, par exemple `09:30` ou `14:00`.
when-nonexistent-time = { $time } n'existe pas le { $date } dans le fuseau { $zone } : les horloges sautent cette heure au passage à l'heure d'été. Choisissez une autre heure, par exemple { $after }.
when-ambiguous-time = { $time } se produit deux fois le { $date } dans le fuseau { $zone }, à la fin de l'heure d'été (à UTC { $first }, puis de nouveau à UTC { $second }). Choisissez une autre heure, ou indiquez-la en `UTC`.
when-bad-duration = { $input } n'est pas une durée. Écrivez-la par exemple `90m`, `2h` ou `1h30`.
when-duration-range = { $input } n'est pas une durée possible : elle doit être supérieure à zéro et ne pas dépasser { $max }.
when-bad-weekly = { $input } n'est pas un horaire hebdomadaire. Écrivez un jour de la semaine et une heure, par exemple `monday 09:00`.

## Rappels de délais de réponse (dans le fil de la fiche) et !overdue

reminder-acknowledge = ⏰ La demande { $number } « { $title } » (État : { $state }) attend depuis { $waited } un accusé de réception (délai : { $target }). { $people } : veuillez en accuser réception ou prendre une autre mesure ; { $command } indique où elle en est.
reminder-escalation-acknowledge = ⚠️ La demande { $number } « { $title } » (État : { $state }) attend depuis { $waited }, soit plus du double de son délai d'accusé de réception ({ $target }). { $people } : au titre de la coordination, veuillez veiller à ce qu'elle soit prise en charge.
reminder-resolve = ⏰ La demande { $number } « { $title } » (État : { $state }) est toujours ouverte après { $waited } (délai de clôture : { $target }). { $people } : veuillez la faire avancer ; { $command } indique où elle en est.
reminder-resolve-assigned = ⏰ La demande { $number } « { $title } » (État : { $state }), attribuée à { $assignee }, n'est pas close après { $waited } (délai : { $target }). { $people } : veuillez indiquer ici où en sont vos travaux.
reminder-escalation-resolve = ⚠️ La demande { $number } « { $title } » (État : { $state }) est toujours ouverte après { $waited }, soit plus du double de son délai de clôture ({ $target }). { $people } : au titre de la coordination, veuillez y veiller.
reminder-late = (Ce rappel était prévu pour le { $due } ; je n'étais pas en service à ce moment-là.)
overdue-none = Aucune demande n'a dépassé ses délais de réponse.
overdue-intro = { $count ->
        [one] Une demande a dépassé un délai de réponse
       *[other] { $count } demandes ont dépassé un délai de réponse
    } ({ $now }) :
overdue-entry-acknowledge = { $number } { $country } : { $title } — sans accusé de réception depuis { $waited } (délai : { $target })
overdue-entry-resolve = { $number } [{ $state }] { $country } : { $title } — ouverte depuis { $waited } (délai : { $target })
overdue-escalated = { "   " }⚠️ plus du double du délai : la coordination a été alertée.

## Synthèses hebdomadaires

digest-committee-title = 📋 Synthèse hebdomadaire pour le Comité exécutif ({ $date })
digest-room-title = 📋 Synthèse hebdomadaire du réseau ({ $date })
digest-new = Nouvelles demandes cette semaine ({ $count }) :
digest-waiting = En attente d'un accusé de réception ({ $count }) :
digest-overdue = Délai de réponse dépassé ({ $count }) :
digest-decided = Décisions prises cette semaine ({ $count }) :
digest-entry = { "  " }{ $number } { $country } : { $title }
digest-more = { "  " }… et encore { $count } : { $command } en donne la liste complète.
digest-outcomes = Coopération réalisée cette semaine ({ $count }) :
digest-outcome-entry = { "  " }{ $number } { $country } : { $title } — { $result }. { $summary }
digest-late = (Cette synthèse était prévue pour le { $due } ; je n'étais pas en service à ce moment-là.)

## Séminaires et sessions d'apprentissage entre pairs

summary-seminar = lister les prochains séminaires, en afficher un avec les États participants, ou programmer un séminaire, en changer la date ou l'annuler
summary-attend = indiquer que votre État participera à un séminaire
summary-decline-seminar = indiquer que votre État ne participera pas à un séminaire
summary-minutes = enregistrer le compte rendu d'un séminaire, une fois celui-ci tenu
seminar-kind-international = Séminaire international
seminar-kind-regional = Session régionale d'apprentissage entre pairs
seminar-heading = 📅 { $kind } { $number } : « { $title } »
    { $when } ({ $duration })
seminar-place = Lieu : { $place }
seminar-link = Lien : { $link }
seminar-is-cancelled = ❌ Ce séminaire a été annulé.
seminar-how-to-answer = Votre État participera-t-il ? Répondez avec { $attend } ou { $decline }, ou réagissez à ce message avec 👍 ou 👎.
seminar-calendar-link = Ajoutez-le à votre agenda : { $link }
seminar-scheduled = Séminaire programmé sous le numéro { $number }, pour le { $when }. L'annonce suit ; des rappels seront envoyés 7 jours, 1 jour et 1 heure avant.
seminar-in-the-past = La date { $when } est déjà passée. Choisissez une date et une heure à venir.
seminar-add-plenary-only-coordinator = Seule la coordination programme les séminaires internationaux en plénière. Les délégués d'une région peuvent programmer des sessions dans leur salon régional.
seminar-add-regional-only-region = Seuls les délégués des États de cette région (et la coordination) programment des sessions dans ce salon.
seminar-add-wrong-place = Les séminaires se programment dans la plénière (séminaires internationaux) ou dans un salon régional (sessions régionales).
seminar-too-long = Un titre, un lieu ou un lien est trop long ({ $max } caractères au plus).
seminar-bad-link = { $link } n'est pas un lien web ; indiquez-en un qui commence par `https://`.
seminar-not-found = Il n'y a pas de séminaire { $number }. Envoyez `!seminar` pour voir les prochains.
seminar-not-yours = Seule la coordination ou la personne qui a programmé ce séminaire peut le modifier.
seminar-cancelled-already = Le séminaire { $number } a été annulé.
seminar-moved = Le séminaire { $number } aura désormais lieu le { $when }. Le salon en a été informé ; les rappels suivent le nouvel horaire.
seminar-cancelled = Le séminaire { $number } a été annulé ; le salon en a été informé.
seminar-cancelled-notice = ❌ Le séminaire { $number } « { $title } » a été annulé.
seminar-answer-not-delegate = Seuls les délégués des États du réseau peuvent répondre au nom de leur État.
seminar-over = Le séminaire { $number } est terminé.
seminar-answer-attend = C'est noté : { $state } participera au séminaire { $number } « { $title } ».
seminar-answer-decline = C'est noté : { $state } ne participera pas au séminaire { $number } « { $title } ».
seminar-minutes-too-early = Le séminaire { $number } n'a pas encore commencé ; enregistrez son compte rendu une fois qu'il se sera tenu.
seminar-minutes-saved = Le compte rendu du séminaire { $number } est enregistré ; `!seminar` l'affiche avec les informations du séminaire.
seminar-none = Aucun séminaire n'est programmé.
seminar-list-intro = Prochains séminaires et sessions :
seminar-list-entry = { $number } { $when } — { $title } ({ $where } ; { $count ->
        [one] { $count } État participant
       *[other] { $count } États participants
    })
seminar-show-attend = États participants ({ $count }) : { $states }
seminar-show-decline = États non participants ({ $count }) : { $states }
seminar-show-minutes = Compte rendu : { $minutes }
seminar-reminder-week = 📅 Dans une semaine : séminaire { $number } « { $title } », { $when }. { $count ->
        [one] À ce jour, { $count } État a confirmé sa participation
       *[other] À ce jour, { $count } États ont confirmé leur participation
    } ; { $command } indique lesquels.
seminar-reminder-day = 📅 Demain : séminaire { $number } « { $title } », { $when }. { $count ->
        [one] { $count } État participe
       *[other] { $count } États participent
    } ; { $command } indique lesquels.
seminar-reminder-hour = ⏰ Dans une heure : séminaire { $number } « { $title } », { $when }. { $count ->
        [one] { $count } État participe
       *[other] { $count } États participent
    }.
digest-seminars = Séminaires des deux prochaines semaines ({ $count }) :
digest-seminar-entry = { "  " }{ $number } { $when } — { $title }
seminar-minutes-linked = Liée aux demandes dont il traite : { $requests } ; leur `!status` mentionne ce séminaire.
seminar-show-requests = Demandes examinées : { $requests }
request-status-seminar = Examinée lors du séminaire { $number } « { $title } » ({ $when })

## Offres de coopération technique

summary-offer = publier ce que votre État peut apporter, ou clore l'une de vos offres
summary-offers = lister les offres de coopération technique ouvertes
offer-not-allowed = Seuls les délégués des États membres et des partenaires publient des offres (observateurs : adressez-vous à la coordination).
offer-unknown-category = { $category } n'est pas une catégorie. Utilisez : { $categories }.
offer-too-long = Le titre ou le détail de l'offre est trop long (au plus { $max } caractères pour le détail).
offer-published = Votre offre est publiée sous le numéro { $number } ({ $category }). Le Comité la verra sur les nouvelles demandes de cette catégorie ; pour la clore, envoyez `!offer close` suivi de son numéro.
offer-not-found = Il n'y a pas d'offre { $number }. Envoyez `!offers` pour voir les offres ouvertes.
offer-not-yours = Seule la coordination ou la personne qui a publié cette offre peut la clore.
offer-closed-already = L'offre { $number } est déjà close.
offer-closed = L'offre { $number } est close.
offers-none = Aucune offre n'est ouverte.
offers-intro = Offres de coopération technique ouvertes :
offer-entry = { $number } { $state } : { $title } ({ $category })
card-offers = Offres ouvertes dans cette catégorie :
digest-offers = Offres de coopération technique publiées cette semaine ({ $count }) :

## Adhésions décidées par le Comité exécutif

summary-apply = (États observateurs) présenter une candidature pour devenir membre ; (coordination) proposer un État qui ne fait pas encore partie du réseau
summary-vote = (Comité) voter sur une candidature d'adhésion
summary-applications = lister les candidatures d'adhésion et les votes exprimés
problem-bad-vote = { $value } n'est pas un vote : utilisez yes, no ou abstain.
apply-not-delegate = Seuls les délégués d'un État observateur présentent une candidature d'adhésion (la coordination propose les États qui ne font pas encore partie du réseau).
apply-already-member = Cet État est déjà membre du réseau : { $state }.
apply-not-coordinator = Seuls la coordination et les administrateurs du réseau peuvent proposer l'admission d'un État dans le réseau.
apply-already-in = Cet État fait déjà partie du réseau, avec ce statut ou un statut supérieur : { $state }.
apply-open-already = Une candidature est déjà ouverte (État : { $state }) : le Comité exécutif est en train de se prononcer par un vote.
apply-opened = La candidature { $number } est ouverte : le Comité exécutif se prononce par un vote dans son salon, jusqu'au { $when }. La décision sera communiquée ici.
apply-poll = Candidature { $number } (État : { $state }) — statut demandé : { $status }. Motivation : { $motivation }
    Votez au moyen de ce sondage ou avec { $command } (yes, no ou abstain).
vote-yes = Pour
vote-no = Contre
vote-abstain = Abstention
vote-not-committee = Seuls les délégués des États du Comité exécutif votent sur la candidature { $number }, dans le salon du Comité : ce vote n'est pas comptabilisé.
vote-closed = Il a déjà été statué sur la candidature { $number }.
application-not-found = Il n'y a pas de candidature { $number }.
vote-recorded = Vote enregistré sur la candidature { $number }. Pour : { $yes } ; contre : { $no } ; abstentions : { $abstain } ; n'ont pas encore voté : { $pending } (voix pour requises : { $majority }).
vote-decided = Vote enregistré. Décision sur la candidature { $number } : { $outcome }.
application-approved = La candidature { $number } (État : { $state }) est approuvée : cet État est désormais { $status } du réseau (pour : { $yes } ; contre : { $no } ; abstentions : { $abstain }).
application-rejected = La candidature { $number } (État : { $state }) n'est pas approuvée : cet État conserve son statut (pour : { $yes } ; contre : { $no } ; abstentions : { $abstain } ; voix pour requises : { $majority }).
application-open = ouverte
application-outcome-approved = approuvée
application-outcome-rejected = non approuvée
applications-none = Aucune candidature d'adhésion pour l'instant.
applications-intro = Candidatures d'adhésion :
applications-entry = { $number } { $state } → { $status } : { $outcome } (pour : { $yes } ; contre : { $no } ; abstentions : { $abstain } ; échéance : { $when })

## Plan d'action

summary-plan = afficher le plan d'action du réseau et son état d'avancement ; (responsables d'activités, Comité) mettre à jour le statut d'une activité
summary-link = (Comité) lier une demande ou une offre à une activité du plan d'action
plan-none = Aucun plan d'action n'est encore chargé : c'est la coordination qui le configure (paramètre action_plan, voir la documentation).
plan-title = { $title }
plan-pillar-line = { $name } : activités réalisées : { $done } sur { $total } · demandes liées : { $requests } · demandes avec coopération réalisée : { $delivered }
plan-pillar-heading = { $name }
plan-activity-line = { $id } · { $title } — responsable : { $lead } · échéance : { $due } · { $status } · demandes : { $requests }
plan-activity-note = { $note }
plan-no-pillar = Il n'y a pas de pilier « { $value } » ; les piliers sont : { $pillars }.
plan-no-activity = Il n'y a pas d'activité « { $value } » dans le plan : consultez !plan et ses piliers.
plan-update-not-allowed = Seuls les délégués de l'État ou du partenaire responsable de l'activité { $id }, du Comité exécutif et de la coordination peuvent en modifier le statut.
plan-updated = L'activité { $id } « { $title } » est désormais : { $status }.
plan-link-not-allowed = Seuls le Comité exécutif et la coordination peuvent lier des demandes et des offres au plan d'action.
plan-linked = { $what } contribue désormais à l'activité { $id } « { $title } ».
plan-linked-already = { $what } contribue déjà à l'activité { $id } « { $title } ».
plan-what-request = La demande { $number }
plan-what-offer = L'offre { $number }
plan-status-planned = à venir
plan-status-in-progress = en cours
plan-status-delayed = en retard
plan-status-done = réalisée
plan-status-cancelled = annulée

## La mémoire du réseau : étiquettes, pratiques, recherche

summary-tag = étiqueter une demande avec des cibles des ODD, des thèmes et des recommandations de l'ONU (délégués de l'État demandeur, Comité)
summary-practice = partager une bonne pratique avec le réseau (la pratique sur les lignes suivantes) ; modifier ou retirer les vôtres
summary-search = rechercher dans les résultats, les enseignements tirés, les bonnes pratiques et les demandes que vous pouvez voir (y compris les "expressions entre guillemets")
request-tags = Étiquettes : { $tags }
tag-unknown-sdg = { $value } n'est ni un objectif ni une cible des ODD. Les objectifs vont de 1 à 17 ; les cibles s'écrivent comme 16.3 ou 16.a.
tag-unknown-theme = { $value } ne fait pas partie des thèmes du réseau. Les thèmes figurent dans le fichier des thèmes du réseau ; adressez-vous à la coordination.
tag-unknown-theme-closest = { $value } ne fait pas partie des thèmes du réseau. Vouliez-vous dire : { $closest } ?
tag-too-many = Au plus { $max } étiquettes de chaque type (ODD, thèmes, références) par demande ou par pratique.
ref-unknown-mechanism = { $value } ne commence pas par un mécanisme que je connais : UPR (Examen périodique universel), un organe conventionnel (CAT, SPT, CEDAW, CERD, CCPR, CESCR, CRC, CRPD, CMW, CED) ou SP pour une procédure spéciale.
ref-bad-upr = { $value } n'est pas une référence à l'Examen périodique universel. Indiquez le cycle et le numéro de la recommandation, par exemple : UPR 4 123.45
ref-bad-treaty-body = { $value } n'est pas une référence à un organe conventionnel. Indiquez l'organe, puis la cote du document ou le paragraphe, par exemple : CAT CAT/C/PRY/CO/7 para 12
ref-wrong-symbol = Dans { $value }, la cote n'est pas celle d'un document de { $body } : les cotes de ses documents commencent par { $prefix }.
ref-bad-special-procedure = { $value } n'est pas une référence à une procédure spéciale. Indiquez SP, le mandat, puis la cote du rapport ou le paragraphe, par exemple : SP torture A/HRC/40/59/Add.1 para 85
ref-too-long = { $value } est trop long pour une référence (120 caractères au plus).
tag-not-allowed = Seuls les délégués de l'État qui a déposé la demande { $number } et le Comité exécutif peuvent l'étiqueter.
tag-done = La demande { $number } est étiquetée.
tag-none-left = La demande { $number } n'a plus aucune étiquette.
practice-not-allowed = Seuls les délégués des États et des partenaires du réseau partagent des bonnes pratiques.
practice-too-long = Le titre ou la pratique est trop long (au plus { $max } caractères pour la pratique).
practice-shared = Merci : votre bonne pratique est partagée sous le numéro { $number } ({ $tags }). Chacun peut la trouver avec `!search`.
practice-not-found = Il n'y a pas de pratique { $number }.
practice-not-yours = Seule la personne qui a partagé la pratique { $number } ou la coordination peut la modifier.
practice-edited = La pratique { $number } est mise à jour.
practice-withdrawn = La pratique { $number } est retirée ; la recherche ne l'affiche plus.
search-not-allowed = La recherche est réservée aux délégués des États et des partenaires du réseau.
search-empty = Que dois-je chercher ? Écrivez quelques mots après `!search`, par exemple : !search base de données de suivi des recommandations
search-no-words = Il n'y a rien à chercher dans ce texte : indiquez des mots, et pas seulement de la ponctuation ou des mots très courants.
search-unbalanced-quotes = Un guillemet est ouvert mais jamais fermé. Placez une expression entre deux guillemets, par exemple : !search "visite d'étude"
search-too-many-words = Il y a trop de mots : { $max } au plus. Gardez les plus significatifs.
search-too-long = Cette recherche compte { $length } caractères ; { $max } au plus. Gardez les mots les plus significatifs.
search-unknown-region = { $value } n'est pas une région. Utilisez : { $regions }.
search-none = Aucun résultat pour { $query }. Essayez moins de mots ou d'autres mots (dans la langue dans laquelle le texte a été rédigé), ou retirez un filtre.
search-intro = { $count ->
    [one] Le résultat le plus pertinent pour { $query } :
   *[other] Les { $count } résultats les plus pertinents pour { $query } :
}
search-hit = { $rank }. { $kind } · { $title } ({ $seat }) : { $excerpt } { $link }
search-kind-request = Demande { $source }
search-kind-outcome = Résultat de la demande { $source }
search-kind-practice = Bonne pratique { $source }
search-kind-guidance = Orientations
summary-guide = lire les documents d'orientation du réseau (tels que le Cadre d'orientation de Marrakech), section par section, dans votre langue
summary-save = conserver comme bonne pratique le message auquel vous répondez, avec un lien vers ce message et l'État de son auteur
summary-experts = qui l'a déjà fait : les États et les partenaires qui ont mené à bien une coopération dans une catégorie, un thème ou un ODD
save-not-a-reply = Répondez au message que vous voulez conserver et écrivez `!save` dans votre réponse (un titre, --theme et --sdg sont facultatifs).
save-unreadable = Je ne peux pas lire le message auquel vous avez répondu : il a peut-être été supprimé, ou je ne parviens pas à le déchiffrer. Rien n'a été enregistré.
save-not-text = Seuls les messages texte peuvent être conservés comme bonnes pratiques.
save-author-unknown = Le message auquel vous avez répondu n'a pas été écrit par un délégué des États ou des partenaires du réseau ; je ne peux donc pas dire de qui relève cette pratique. Partagez-la plutôt avec `!practice`.
save-wrong-place = Les messages se conservent depuis les salons du réseau (plénière, salons régionaux et salons de travail). Le salon du Comité reste confidentiel : pour partager ce qui s'y dit, utilisez `!practice`.
save-already = Ce message est déjà conservé comme bonne pratique sous le numéro { $number }.
save-done = Conservé comme bonne pratique sous le numéro { $number } : { $title } (provenance : { $state }). Chacun peut la trouver avec `!search`.
experts-unknown = { $value } n'est ni une catégorie de demande, ni un thème, ni un ODD. Les catégories sont : { $categories }. Les thèmes et les ODD s'écrivent comme avec `!tag`.
experts-none = Aucun État ni partenaire n'a encore mené à bien de coopération dans le domaine « { $about } », et aucun n'en propose.
experts-intro = Qui l'a déjà fait dans le domaine « { $about } » :
expert-entry = { $name } : { $reasons }
expert-delivered = { $count ->
    [one] une coopération réalisée
   *[other] { $count } coopérations réalisées
}
expert-partly = { $count ->
    [one] une coopération partiellement réalisée
   *[other] { $count } coopérations partiellement réalisées
}
expert-latest = la plus récente le { $date }
expert-language = parle { $language }
expert-region = même région
expert-offer = offre ouverte { $numbers }
expert-separator = {", "}
card-experts = Qui l'a déjà fait :
guide-none = Le réseau n'a pas encore de documents d'orientation ; c'est la coordination qui les ajoute.
guide-intro = Les documents d'orientation du réseau (envoyez !guide suivi de l'identifiant d'un document pour en voir les sections) :
guide-entry = • { $id } : { $title } (langues : { $languages })
guide-unknown = Il n'y a pas de document d'orientation { $value }. Envoyez !guide pour la liste.
guide-fallback = Ce document n'est pas disponible dans votre langue ; le voici en { $language }.
guide-sections = { $title } : envoyez !guide { $id } suivi du numéro d'une section (ou des premiers mots de son titre).
guide-section-entry = { $number }. { $title }
guide-no-section = { $id } n'a pas de section { $value }. Envoyez !guide { $id } pour la liste.
guide-section = { $document } · { $number }. { $title }
    { $body }
unreadable-message = Je n'ai pas pu lire le message chiffré que vous avez envoyé ici : mon appareil n'a pas reçu sa clé. Si c'était une commande, veuillez l'envoyer à nouveau. Si cela se reproduit, vérifiez que votre application partage les clés des salons avec les appareils non vérifiés, ou vérifiez mon appareil. (Je ne le signale qu'une fois par jour dans chaque salon.)
