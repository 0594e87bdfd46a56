# Catalogue de messages de peerlink : français (mêmes identifiants que l'anglais).
# Balisage : segments `code` et retours à la ligne. Les arguments sont échappés par le bot.

## !help

help-intro = Je suis peerlink, le bot du réseau des mécanismes nationaux de mise en œuvre, d'établissement de rapports et de suivi. Commandes :
help-entry = { $usage } — { $summary }
help-footer = Envoyez { $help } suivi du nom d'une commande pour le détail, par exemple { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = La commande { $command } n'existe pas. Envoyez { $help } pour la liste.

## Résumés des commandes (affichés par !help)

summary-help = lister les commandes, ou en expliquer une
summary-ping = vérifier que le bot est en ligne et répond

## Réponses

pong = Pong ! peerlink est en ligne et répond.

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

## Résumés des commandes, suite

summary-regions = lister les régions et la façon de rejoindre leurs salons
summary-join = être invité dans un autre salon régional d'apprentissage entre pairs
summary-whois = afficher le statut, le mécanisme et les délégués d'un État
summary-state = (coordination) ajouter, modifier ou retirer un État
summary-delegate = (coordination) ajouter, retirer ou remplacer un délégué
summary-roster = (coordination) afficher, exporter ou importer la liste des membres

## Problèmes d'arguments

problem-missing-argument = { $command } a besoin de { $what }.
problem-unknown-action = { $command } ne connaît pas { $given } ; utilisez : { $expected }.
problem-bad-country = { $value } n'est pas un code de pays : utilisez deux lettres, comme MA ou PY.
problem-bad-user = { $value } n'est pas un identifiant Matrix complet : écrivez-le comme @nom:exemple.org.
problem-bad-status = { $value } n'est pas un statut : utilisez founding_member, member ou observer.
problem-bad-language = { $value } n'est pas une langue proposée aux délégués : utilisez en, fr, es, pt ou ar.
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
