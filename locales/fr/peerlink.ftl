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
room-committee-topic = Comité exécutif du réseau : les demandes de coopération y sont examinées. Réservé aux délégués du Comité.
