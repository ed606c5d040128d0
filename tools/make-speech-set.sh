#!/usr/bin/env bash
# Makes a labelled speech set in SAKURA layout with Debian's espeak-ng and sox:
#   OUT/{train,heldout}/{Gender,Language}/audio/*.wav + metadata.csv (16 kHz mono PCM16, silence trimmed).
# The held-out split shares neither voices nor sentences with train: it uses voice variants that never
# occur in train and the last sentences of each language file, which train never reads.
#
#   tools/make-speech-set.sh OUT [TRAIN_SENTENCES] [HELDOUT_SENTENCES] [TRAIN_VARIANTS] [HELDOUT_VARIANTS]
#
# Each tools/speech-set-text/<language>.txt holds 30 sentences: the last HELDOUT_SENTENCES (default 4)
# are held out; each train voice speaks TRAIN_SENTENCES (default 10) of the others, every voice starting
# where the previous one stopped, so that all of them are spoken. Variants are espeak-ng voice variants
# ("m1".."m8", "f1".."f5" and named ones such as "Henrique" or "belinda"); the variant's own file says the
# speaker's gender. Train clips are spoken at varied rate and pitch (rate 135/150/165, pitch 38/50/62),
# held-out clips at rate 150 and pitch 50, the middle of that grid. Every clip is in the Language track
# and, as the same audio, in the Gender track; held-out Gender keeps only the English, German, Spanish,
# French and Italian clips, to keep the bundled held-out set small.
# Needs: apt-get install espeak-ng sox
set -euo pipefail
usage='usage: make-speech-set.sh OUT [TRAIN_SENTENCES] [HELDOUT_SENTENCES] [TRAIN_VARIANTS] [HELDOUT_VARIANTS]'
out=${1:?$usage}
train_sentences=${2:-10}
heldout_sentences=${3:-4}
train_variants=${4:-"m1 m2 m3 m4 m5 m6 m8 Andy Denis Henrique michel miguel travis victor
                      f1 f2 f3 f4 Alicia Andrea Annie anika belinda grandma linda steph"}
heldout_variants=${5:-"m7 f5"}
command -v espeak-ng >/dev/null && command -v sox >/dev/null || {
  echo "make-speech-set.sh: needs espeak-ng and sox (apt-get install espeak-ng sox)" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
text="$here/speech-set-text"

# language label -> espeak-ng voice (plain "cmn" is broken; pinyin input works)
declare -A voice=([English]=en [German]=de [Spanish]=es [French]=fr [Italian]=it
                  [Chinese]=cmn-latn-pinyin [Japanese]=ja [Korean]=ko)
languages=(English German Spanish French Italian Chinese Japanese Korean)
heldout_gender_languages=(English German Spanish French Italian)
variants_dir="$(espeak-ng --version | sed -n 's/.*Data at: //p')/voices/!v"
lines=$(wc -l < "$text/english.txt")
for language in "${languages[@]}"; do
  if (( $(wc -l < "$text/${language,,}.txt") != lines )); then
    echo "make-speech-set.sh: $text/${language,,}.txt and english.txt differ in length; keep them parallel" >&2
    exit 2
  fi
done
if (( heldout_sentences >= lines || train_sentences > lines - heldout_sentences )); then
  echo "make-speech-set.sh: $lines sentences per language cannot give $heldout_sentences held-out ones and" \
       "$train_sentences others per train voice; lower one of them or add sentences" >&2
  exit 2
fi

header='file,attribute_label,single_instruction,single_answer,multi_instruction,multi_answer'
q_gender='What is the gender of the speaker in the speech?'
q_language='What is the language spoken in the speech?'
rates=(135 150 165)
pitches=(38 50 62)

speak() { # voice variant rate pitch sentence wav
  local tmp; tmp="$(mktemp --suffix=.wav)"
  espeak-ng -v "$1+$2" -s "$3" -p "$4" -w "$tmp" "$5"
  # trim leading and trailing silence, keep 0.05 s either side; no dither (-D): the same bytes every run
  sox -q -D "$tmp" -r 16000 -b 16 -c 1 "$6" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse \
      pad 0.05 0.05 norm -3
  rm -f "$tmp"
}

gender_of() { # variant -> male|female, from the variant's espeak-ng file
  local gender
  gender=$(sed -n 's/^gender[[:space:]]*\([A-Za-z]*\).*/\1/p' "$variants_dir/$1" 2>/dev/null | head -n 1)
  case "${gender,,}" in
    male|female) echo "${gender,,}" ;;
    *) echo "make-speech-set.sh: espeak-ng variant '$1' states no gender in $variants_dir; pick another" >&2
       exit 2 ;;
  esac
}

make_split() { # split first_line pool count varied(yes|no) variants...
  # each voice reads count lines of the pool of lines first..first+pool-1, starting after the previous voice
  local split=$1 first=$2 pool=$3 count=$4 varied=$5; shift 5
  local root="$out/$split"
  mkdir -p "$root/Gender/audio" "$root/Language/audio"
  echo "$header" > "$root/Gender/metadata.csv"
  echo "$header" > "$root/Language/metadata.csv"
  local n=0 v=0
  for variant in "$@"; do
    local gender; gender=$(gender_of "$variant")
    for language in "${languages[@]}"; do
      mapfile -t sentences < <(tail -n "+$first" "$text/${language,,}.txt" | head -n "$pool")
      local i
      for (( i = 0; i < count; i++ )); do
        local line=$(( (v * count + i) % pool ))
        local sentence=${sentences[$line]}
        local rate=150 pitch=50
        if [[ $varied == yes ]]; then
          rate=${rates[$(( (i + v) % 3 ))]}
          pitch=${pitches[$(( (i / 3 + 2 * v) % 3 ))]}
        fi
        local name="${language,,}_${variant}_$(printf %02d $((first + line))).wav"
        speak "${voice[$language]}" "$variant" "$rate" "$pitch" "$sentence" "$root/Language/audio/$name"
        echo "$name,$language,\"$q_language\",$language,\"$q_language\",$language" >> "$root/Language/metadata.csv"
        if [[ $split == train || " ${heldout_gender_languages[*]} " == *" $language "* ]]; then
          # a hard link where the file system allows: the train set is large
          ln -f "$root/Language/audio/$name" "$root/Gender/audio/$name" 2>/dev/null \
            || cp "$root/Language/audio/$name" "$root/Gender/audio/$name"
          echo "$name,$gender,\"$q_gender\",$gender,\"$q_gender\",$gender" >> "$root/Gender/metadata.csv"
        fi
        n=$((n + 1))
      done
    done
    v=$((v + 1))
    echo "$split: voice variant $variant done ($n clips)" >&2
  done
}

make_split train 1 $((lines - heldout_sentences)) "$train_sentences" yes $train_variants
make_split heldout $((lines - heldout_sentences + 1)) "$heldout_sentences" "$heldout_sentences" no $heldout_variants
