#!/usr/bin/env bash
# Makes a labelled speech set in SAKURA layout from several of Debian's speech synthesizers and its one
# packaged set of recorded speech:
#   OUT/{train,heldout}/{Gender,Language}/audio/*.wav + metadata.csv (16 kHz mono PCM16, silence trimmed).
# File names say where a clip comes from: ENGINE_VOICE_LANGUAGE_LINE.wav.
#
#   tools/make-speech-set.sh OUT [TRAIN_SENTENCES] [HELDOUT_SENTENCES] [TRAIN_VARIANTS] [HELDOUT_VARIANTS]
#
# What each engine speaks, and which part is held out (train and held-out share no voice, no speaker and
# no sentence; Flite is never used in training):
#   espeak-ng  all 8 languages. Train: the TRAIN_VARIANTS voice variants ("m1".."m8", "f1".."f5" and
#              named ones such as "Henrique" or "belinda"; the variant's own file says the gender), each
#              reading TRAIN_SENTENCES (default 10) lines of every language at varied rate and pitch (rate
#              135/150/165, pitch 38/50/62), every voice starting where the previous one stopped.
#              Held-out: HELDOUT_VARIANTS (default m7 f5) reading the last HELDOUT_SENTENCES (default 4)
#              lines of every language at rate 150, pitch 50.
#   Festival   Debian's voices speak English (kal, ked: male; cmu_us_slt_arctic_hts: female) and Italian
#              (lp: female, pc: male). Train: kal (English), lp and pc (Italian), every train line at
#              duration stretch 0.9/1.0/1.1 in turn. Held-out: ked (English), the held-out lines and
#              tools/speech-set-text/heldout-only/english.txt. slt is left out: Flite holds it out.
#   FreeTTS    English only, one usable voice here (kevin16, male; "alan" speaks only times of day and
#              the MBROLA voices are not packaged). Train: every train line.
#   Flite      the held-out engine, English only (its voices: kal, kal16, awb, rms, slt). Held-out: awb,
#              rms (male) and slt (female), the held-out lines and heldout-only/english.txt. kal and
#              kal16 are left out: the same speaker trains in Festival (kal) and FreeTTS (kevin16).
#              Festival is the one engine besides espeak-ng with a second of the 8 languages (Italian);
#              held out, it left every natural-sounding voice in training English, and the model answered
#              "English" to Festival's Italian.
#   KLettres   the one set of recorded speech Debian packages (klettres-data, GPL-2+): the letters and
#              syllables of German, English (US and GB), Spanish, French and Italian, each language read
#              by one person. Train, Language only (the speakers' gender is not stated): clips of 4
#              consecutive recordings, starting every second one, at most 12 per language folder and kind.
#              It is in train, not held out: with one speaker per language no held-out speaker is left, and
#              it gives four more languages a human voice.
# Every clip is in the Language track and, as the same audio, in the Gender track, except held-out
# espeak-ng clips in Chinese, Japanese and Korean (to keep the bundled held-out set small) and KLettres'.
# Held-out metadata lists the sources spread evenly, not one after the other (demo --live plays a track in
# metadata order). The same OUT comes out byte for byte on every run (sox without dither; the engines
# have no randomness).
# Needs: apt-get install espeak-ng sox flite freetts festival festvox-kallpc16k festvox-kdlpc16k
#        festvox-italp16k festvox-itapc16k klettres-data
set -euo pipefail
usage='usage: make-speech-set.sh OUT [TRAIN_SENTENCES] [HELDOUT_SENTENCES] [TRAIN_VARIANTS] [HELDOUT_VARIANTS]'
out=${1:?$usage}
train_sentences=${2:-10}
heldout_sentences=${3:-4}
train_variants=${4:-"m1 m2 m3 m4 m5 m6 m8 Andy Denis Henrique michel miguel travis victor
                      f1 f2 f3 f4 Alicia Andrea Annie anika belinda grandma linda steph"}
heldout_variants=${5:-"m7 f5"}
freetts_jar=/usr/share/java/freetts.jar
klettres_dir=/usr/share/klettres
for tool in espeak-ng sox flite text2wave java; do
  command -v "$tool" >/dev/null || {
    echo "make-speech-set.sh: needs $tool (apt-get install espeak-ng sox flite freetts festival festvox-kallpc16k" \
         "festvox-kdlpc16k festvox-italp16k festvox-itapc16k klettres-data)" >&2; exit 2; }
done
festival_voices=/usr/share/festival/voices
for needed in "$freetts_jar" "$klettres_dir/it/syllab" "$festival_voices/english/kal_diphone" \
              "$festival_voices/english/ked_diphone" "$festival_voices/italian/lp_diphone" \
              "$festival_voices/italian/pc_diphone"; do
  [[ -e $needed ]] || {
    echo "make-speech-set.sh: $needed is missing (apt-get install freetts klettres-data festvox-kallpc16k" \
         "festvox-kdlpc16k festvox-italp16k festvox-itapc16k)" >&2; exit 2; }
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
text="$here/speech-set-text"

# language label -> espeak-ng voice (plain "cmn" is broken; pinyin input works)
declare -A espeak_voice=([English]=en [German]=de [Spanish]=es [French]=fr [Italian]=it
                         [Chinese]=cmn-latn-pinyin [Japanese]=ja [Korean]=ko)
languages=(English German Spanish French Italian Chinese Japanese Korean)
heldout_gender_languages=(English German Spanish French Italian)
# the voices of the other engines: speaker's gender, as their packages describe them
declare -A gender_of_voice=([flite_awb]=male [flite_slt]=female [flite_rms]=male [freetts_kevin16]=male
                            [festival_kal]=male [festival_ked]=male [festival_lp]=female [festival_pc]=male)
declare -A festival_voice=([kal]=kal_diphone [ked]=ked_diphone [lp]=lp_diphone [pc]=pc_diphone)
declare -A klettres_language=([de]=German [en]=English [en_GB]=English [es]=Spanish [fr]=French [it]=Italian)
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
train_lines=$((lines - heldout_sentences))

header='file,attribute_label,single_instruction,single_answer,multi_instruction,multi_answer'
q_gender='What is the gender of the speaker in the speech?'
q_language='What is the language spoken in the speech?'
rates=(135 150 165)
pitches=(38 50 62)
stretches=(0.9 1.0 1.1)
raw="$(mktemp -d)"
trap 'rm -rf "$raw"' EXIT

finish() { # raw.wav out.wav: 16 kHz mono PCM16, leading and trailing silence trimmed to 0.05 s, peak -3 dB
  # no dither (-D): the same bytes every run
  sox -q -D "$1" -r 16000 -b 16 -c 1 "$2" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse \
      pad 0.05 0.05 norm -3
}

speak_espeak() { # language variant rate pitch sentence raw.wav
  espeak-ng -v "${espeak_voice[$1]}+$2" -s "$3" -p "$4" -w "$6" "$5"
}

speak_flite() { # voice stretch sentence raw.wav
  flite -voice "$1" --setf duration_stretch="$2" -t "$3" -o "$4"
}

speak_freetts() { # voice sentence raw.wav
  java -jar "$freetts_jar" -dumpAudio "$3" -voice "$1" -text "$2" </dev/null >/dev/null
}

speak_festival() { # voice stretch sentence raw.wav; Festival's Italian lexicon reads Latin-1
  printf '%s\n' "$3" | iconv -f UTF-8 -t ISO-8859-1 > "$raw/festival.txt"
  text2wave -eval "(voice_${festival_voice[$1]})" -eval "(Parameter.set 'Duration_Stretch $2)" -o "$4" \
      "$raw/festival.txt"
}

start_split() { # split
  mkdir -p "$out/$1/Gender/audio" "$out/$1/Language/audio"
  echo "$header" > "$out/$1/Gender/metadata.csv"
  echo "$header" > "$out/$1/Language/metadata.csv"
}

add_clip() { # split raw.wav name language gender(male|female|-: Language track only)
  local root="$out/$1"
  finish "$2" "$root/Language/audio/$3"
  echo "$3,$4,\"$q_language\",$4,\"$q_language\",$4" >> "$root/Language/metadata.csv"
  if [[ $5 != - ]]; then
    # a hard link where the file system allows: the train set is large
    ln -f "$root/Language/audio/$3" "$root/Gender/audio/$3" 2>/dev/null \
      || cp "$root/Language/audio/$3" "$root/Gender/audio/$3"
    echo "$3,$5,\"$q_gender\",$5,\"$q_gender\",$5" >> "$root/Gender/metadata.csv"
  fi
}

espeak_gender() { # variant -> male|female, from the variant's espeak-ng file
  local gender
  gender=$(sed -n 's/^gender[[:space:]]*\([A-Za-z]*\).*/\1/p' "$variants_dir/$1" 2>/dev/null | head -n 1)
  case "${gender,,}" in
    male|female) echo "${gender,,}" ;;
    *) echo "make-speech-set.sh: espeak-ng variant '$1' states no gender in $variants_dir; pick another" >&2
       exit 2 ;;
  esac
}

espeak_split() { # split first_line pool count varied(yes|no) variants...
  # each voice reads count lines of the pool of lines first..first+pool-1, starting after the previous voice
  local split=$1 first=$2 pool=$3 count=$4 varied=$5; shift 5
  local n=0 v=0
  for variant in "$@"; do
    local gender; gender=$(espeak_gender "$variant")
    for language in "${languages[@]}"; do
      mapfile -t sentences < <(tail -n "+$first" "$text/${language,,}.txt" | head -n "$pool")
      local i
      for (( i = 0; i < count; i++ )); do
        local line=$(( (v * count + i) % pool ))
        local rate=150 pitch=50
        if [[ $varied == yes ]]; then
          rate=${rates[$(( (i + v) % 3 ))]}
          pitch=${pitches[$(( (i / 3 + 2 * v) % 3 ))]}
        fi
        speak_espeak "$language" "$variant" "$rate" "$pitch" "${sentences[$line]}" "$raw/clip.wav"
        local clip_gender=$gender
        if [[ $split != train && " ${heldout_gender_languages[*]} " != *" $language "* ]]; then
          clip_gender=-
        fi
        add_clip "$split" "$raw/clip.wav" "espeak-ng_${variant}_${language,,}_$(printf %02d $((first + line))).wav" \
            "$language" "$clip_gender"
        n=$((n + 1))
      done
    done
    v=$((v + 1))
    echo "$split: espeak-ng variant $variant done ($n clips)" >&2
  done
}

sentence_lines() { # language split -> "LINE<TAB>sentence" per line: LINE is the line number, xNN in heldout-only/
  local file="$text/${1,,}.txt"
  if [[ $2 == train ]]; then
    head -n "$train_lines" "$file" | awk '{ printf "%02d\t%s\n", NR, $0 }'
  else
    tail -n "+$((train_lines + 1))" "$file" | awk -v first=$((train_lines + 1)) '{ printf "%02d\t%s\n", first + NR - 1, $0 }'
    awk '{ printf "x%02d\t%s\n", NR, $0 }' "$text/heldout-only/${1,,}.txt"
  fi
}

other_engine_voice() { # split engine voice language
  local split=$1 engine=$2 voice=$3 language=$4 i=0 line sentence
  while IFS=$'\t' read -r line sentence; do
    local stretch=1.0
    [[ $split == train ]] && stretch=${stretches[$((i % 3))]}
    case $engine in
      flite) speak_flite "$voice" "$stretch" "$sentence" "$raw/clip.wav" ;;
      freetts) speak_freetts "$voice" "$sentence" "$raw/clip.wav" ;;
      festival) speak_festival "$voice" "$stretch" "$sentence" "$raw/clip.wav" ;;
    esac
    add_clip "$split" "$raw/clip.wav" "${engine}_${voice}_${language,,}_$line.wav" "$language" \
        "${gender_of_voice[${engine}_$voice]}"
    i=$((i + 1))
  done < <(sentence_lines "$language" "$split")
  echo "$split: $engine voice $voice done ($i clips)" >&2
}

klettres_clips() { # folder kind(alpha|syllab): clips of 4 consecutive recordings, starting every second one
  local folder=$1 kind=$2 k=0
  mapfile -t files < <(find "$klettres_dir/$folder/$kind" -maxdepth 1 -name '*.ogg' | LC_ALL=C sort)
  while (( k < 12 && 2 * k + 4 <= ${#files[@]} )); do
    local parts=() j
    for (( j = 0; j < 4; j++ )); do
      # each recording alone: 16 kHz mono, its silence trimmed, then 0.15 s of pause after it
      sox -q -D "${files[$((2 * k + j))]}" -r 16000 -b 16 -c 1 "$raw/part$j.wav" \
          silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0 0.15
      parts+=("$raw/part$j.wav")
    done
    sox -q -D "${parts[@]}" "$raw/clip.wav"
    add_clip train "$raw/clip.wav" "klettres_${folder/_/-}_${klettres_language[$folder],,}_$kind$(printf %02d $((k + 1))).wav" \
        "${klettres_language[$folder]}" -
    k=$((k + 1))
  done
}

spread_sources() { # metadata.csv: rows reordered so that every source is spread evenly over the file
  # (a live feed of the folder, which plays it in metadata order, then hears a steady mix of engines)
  local csv=$1
  { head -n 1 "$csv"
    tail -n +2 "$csv" | awk -F, '
      { source[NR] = $1; sub(/_.*/, "", source[NR]); row[NR] = $0; count[source[NR]]++ }
      END { for (i = 1; i <= NR; i++) printf "%.6f\t%06d\t%s\n", (++rank[source[i]] - 0.5) / count[source[i]], i, row[i] }' \
      | LC_ALL=C sort -k1,1 -k2,2 | cut -f3-
  } > "$raw/metadata.csv"
  cp "$raw/metadata.csv" "$csv"
}

start_split train
espeak_split train 1 "$train_lines" "$train_sentences" yes $train_variants
other_engine_voice train festival kal English
other_engine_voice train festival lp Italian
other_engine_voice train festival pc Italian
other_engine_voice train freetts kevin16 English
for folder in de en en_GB es fr it; do
  klettres_clips "$folder" alpha
  klettres_clips "$folder" syllab
done
echo "train: KLettres recordings done" >&2

start_split heldout
espeak_split heldout "$((train_lines + 1))" "$heldout_sentences" "$heldout_sentences" no $heldout_variants
other_engine_voice heldout festival ked English
for voice in awb rms slt; do other_engine_voice heldout flite "$voice" English; done
spread_sources "$out/heldout/Gender/metadata.csv"
spread_sources "$out/heldout/Language/metadata.csv"
